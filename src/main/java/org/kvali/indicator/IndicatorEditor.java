package org.kvali.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.kvali.access.Access;
import org.kvali.access.Caller;
import org.kvali.access.PartnerScope;
import org.kvali.access.Role;
import org.kvali.geography.GeographyService;
import org.kvali.graphql.Validation;
import org.kvali.report.Gender;
import org.kvali.report.Period;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes reported values, checking them against their indicator and programme first. */
@Service
@Transactional
class IndicatorEditor {

	/** The input of reportIndicatorValue. */
	record ReportInput(String indicator, String period, Double value, String comment, String evidenceUrl,
			Gender gender, String region) {
	}

	/** The input of withdrawIndicatorValue. */
	record WithdrawInput(String indicator, String period, String comment, Gender gender, String region) {
	}

	private final IndicatorRepository indicators;

	private final GeographyService geography;

	private final PartnerScope partners;

	IndicatorEditor(IndicatorRepository indicators, GeographyService geography, PartnerScope partners) {
		this.partners = partners;
		this.indicators = indicators;
		this.geography = geography;
	}

	/**
	 * Records a value for ADMIN, or for a PARTNER on an indicator of a project of its organizations or of the
	 * programme of one, for a period begun by {@code today} (the request's day).
	 */
	ReportedValue report(ReportInput input, LocalDate today) {
		return report(input, false, today);
	}

	/**
	 * Withdraws the current value of a period and group, as reportIndicatorValue would correct it (by the same
	 * callers, for any period): its period then counts for nothing, where a 0 reported is a value (a level or a share
	 * of 0) beside another period alone. One with no value to withdraw is refused.
	 */
	ReportedValue withdraw(WithdrawInput input, LocalDate today) {
		return report(new ReportInput(input.indicator(), input.period(), 0.0, input.comment(), null, input.gender(),
				input.region()), true, today);
	}

	private ReportedValue report(ReportInput input, boolean withdrawn, LocalDate today) {
		var caller = Access.require(Role.ADMIN, Role.PARTNER);
		// the programme's dates and the other values checked are those at the write (see queueWriters)
		this.indicators.queueWriters();
		var indicator = this.indicators.named("input.indicator", input.indicator());
		// a programme's own indicator (no project) is reported by the partners of any of its projects
		if (caller.is(Role.PARTNER) && (indicator.projectCode() == null
				? !this.partners.programmeCodes(caller).contains(indicator.programmeCode())
				: !this.partners.projectCodes(caller).contains(indicator.projectCode()))) {
			throw new AccessDeniedException("Indicator " + indicator.code() + " is not an indicator of one of your"
					+ " organizations' projects, nor of their programmes");
		}
		var reportedBy = caller.name();
		var validation = new Validation().text("input.comment", input.comment(), false, 2000);
		if (indicator.method() != IndicatorEnums.Method.REPORTED) {
			validation.problem("input.indicator", input.indicator(),
					"The indicator is computed from participation; only reported indicators take values");
		}
		// a withdrawal takes any period: it holds no date; a 0 is a value like any other, of a period under way or past
		var period = IndicatorWindows.programmePeriod(indicator, "input.period", input.period(), withdrawn,
				validation);
		// what was reached is known once a period is under way
		period.filter(reported -> !withdrawn && IndicatorWindows.begins(indicator, reported).isAfter(today))
			.ifPresent(ahead -> validation.problem("input.period", input.period(),
					(ahead.start().isAfter(today) ? "The period has not begun (it starts on " + ahead.start()
							: indicator.projectStart() != null && indicator.projectStart().isAfter(today)
									? "The project has not begun (it starts on " + indicator.projectStart()
									: "The programme has not begun (it starts on " + indicator.programmeStart())
							+ "): a value is reported for a period under way or past"));
		IndicatorWindows.checkValue(indicator.unit(), "input.value", input.value(), "A value", validation);
		// one line of at most 2,000 characters, as any other field says it, and then a link
		validation.line("input.evidenceUrl", input.evidenceUrl(), false, 2000);
		if (input.evidenceUrl() != null && !validation.refused("input.evidenceUrl")
				&& !input.evidenceUrl().matches("https?://\\S+")) {
			validation.problem("input.evidenceUrl", input.evidenceUrl(), "An http:// or https:// link is expected");
		}
		if (input.gender() != null && input.region() != null) {
			validation.problem("input.region", input.region(), "A value is for one gender or one region, not both");
		}
		var places = this.geography.hints();
		validation.known("input.region", "region", input.region() == null ? null : List.of(input.region()),
				input.region() == null ? List.of() : this.geography.regionsByCode(List.of(input.region())).keySet(),
				places::regionMeant, places::municipalityNotRegion);
		var dimension = input.gender() != null ? "GENDER" : input.region() != null ? "REGION" : null;
		var dimensionValue = input.gender() != null ? input.gender().name() : input.region();
		// a year and its quarters would both count towards the year; a withdrawal is always taken (a 0 had been one,
		// and a share's 0 beside its year was taken and counted nowhere: a review's). Reports queue (above), so two of
		// them cannot each miss the other's period.
		period.filter(reported -> !withdrawn)
			.flatMap(reported -> this.indicators.overlappingPeriod(indicator.id(), reported, dimension, dimensionValue))
			.ifPresent(other -> validation.problem("input.period", input.period(), "A value for " + other
					+ " is reported, which overlaps " + input.period() + " and would be counted with it: report "
					+ "either a year or its quarters (to move from one to the other, " + other + " is withdrawn first"
					+ " (withdrawIndicatorValue)" + withdrawnBy(indicator, other, dimension, dimensionValue, caller)
					+ ")"));
		// the parts are summed for a known group alone: an unknown region told a sum it was never part of; a whole
		// corrected to 0 beside its parts is within them no more than one of 45 (a review's)
		if (indicator.unit() == IndicatorEnums.Unit.NUMBER && period.isPresent() && !withdrawn
				&& !validation.refused("input.region") && !validation.refused("input.value")) {
			partsWithinWhole(indicator, period.get(), dimension, dimensionValue, input.value(), validation);
		}
		if (withdrawn && period.isPresent() && !validation.refused("input.region")
				&& !withdrawable(indicator.id(), period.get().key(), dimension, dimensionValue)) {
			validation.problem("input.period", input.period(), "No value " + (dimension == null ? ""
					: "for " + dimensionValue + " ") + "of " + period.get().key() + " counts now, so there is none to "
					+ "withdraw");
		}
		else if (withdrawn && dimension == null && period.isPresent() && indicator.unit() == IndicatorEnums.Unit.NUMBER
				&& !indicator.levels()) {
			partsLeft(indicator, period.get(), validation);
		}
		validation.check();
		// a partner corrects its organizations' values alone: a partner of another project of the programme (or
		// another partner of the project) would otherwise replace or withdraw theirs. Refused as any other act
		// outside what the role may do, once the value itself is sound.
		if (caller.is(Role.PARTNER)) {
			this.indicators.othersValue(indicator.id(), period.get().key(), dimension, dimensionValue,
					caller.organizations())
				.ifPresent(others -> {
					throw new AccessDeniedException("The value for " + input.period() + (others.isEmpty()
							? " was reported by an admin, for no organization" : " was reported for "
									+ String.join(", ", others))
							+ "; a partner corrects only its own organizations' values: ask "
							+ (others.isEmpty() ? "an admin" : "them, or an admin"));
				});
		}
		return this.indicators.report(indicator.id(), period.get(), input.value(), input.comment(),
				input.evidenceUrl(), reportedBy, caller.organizations(), dimension, dimensionValue, withdrawn);
	}

	/**
	 * Who may withdraw the other period's value, where the caller may not: a partner whose organizations it was not
	 * reported for was told to withdraw it, which is refused to it.
	 */
	private String withdrawnBy(Indicator indicator, String period, String dimension, String dimensionValue,
			Caller caller) {
		if (!caller.is(Role.PARTNER)) {
			return "";
		}
		return this.indicators.othersValue(indicator.id(), period, dimension, dimensionValue, caller.organizations())
			.map(others -> ", by " + (others.isEmpty() ? "an admin" : String.join(", ", others) + " or an admin"))
			.orElse("");
	}

	/** Whether the period's value for the group is one reported and not withdrawn (a 0 is a value). */
	private boolean withdrawable(long indicator, String period, String dimension, String dimensionValue) {
		return this.indicators.reportedValues(indicator).stream()
			.anyMatch(reported -> reported.current() && reported.periodKey().equals(period) && !reported.withdrawn()
					&& Objects.equals(reported.dimension(), dimension)
					&& Objects.equals(reported.dimensionValue(), dimensionValue));
	}

	/**
	 * Refuses the withdrawal of a count's whole while values for each gender or region of its period, or of one
	 * overlapping it, count: they were left beside no whole, or beside a year's less than them, and the IATI file
	 * published 60 women and men of an actual of 45 (a tester's). A correction making the whole smaller than its
	 * parts is refused so ({@link #partsWithinWhole}); shares and levels have parts of their own period alone.
	 */
	private void partsLeft(Indicator indicator, Period period, Validation validation) {
		var parts = PartsWithinWholes.current(this.indicators.reportedValues(indicator.id()))
			.stream()
			.filter(part -> part.dimension() != null && part.period().overlaps(period))
			.map(part -> part.dimension().toLowerCase(Locale.ROOT) + " of " + part.period().key())
			.distinct()
			.sorted()
			.toList();
		if (!parts.isEmpty()) {
			validation.problem("input.period", period.key(), "The values for each " + String.join(" and each ", parts)
					+ " count, which this one is part of the whole of: withdraw them first");
		}
	}

	/**
	 * A count's parts stay within its wholes once the value reported takes its place ({@link PartsWithinWholes}): where
	 * values add up, within each period of a value overlapping the one reported whose wholes cover it (a whole's own
	 * period, or a year whose quarters' counts are all reported, beside its women); a level's, within its own period.
	 */
	private void partsWithinWhole(Indicator indicator, Period period, String dimension, String dimensionValue,
			double value, Validation validation) {
		// the others as they stand, and this one in place of the value it replaces
		var values = new ArrayList<>(PartsWithinWholes.current(this.indicators.reportedValues(indicator.id())
			.stream()
			.filter(reported -> !(reported.periodKey().equals(period.key())
					&& Objects.equals(reported.dimension(), dimension)
					&& Objects.equals(reported.dimensionValue(), dimensionValue)))
			.toList()));
		values.add(new PartsWithinWholes.Part(period, dimension, BigDecimal.valueOf(value)));
		boolean summed = !indicator.levels();
		var windows = summed ? values.stream().map(PartsWithinWholes.Part::period).filter(period::overlaps).distinct()
			.toList() : List.of(period);
		PartsWithinWholes.beyond(values, windows, dimension != null ? List.of(dimension) : PartsWithinWholes.SPLITS,
				summed)
			.forEach(problem -> validation.problem("input.value", value, problem));
	}

}
