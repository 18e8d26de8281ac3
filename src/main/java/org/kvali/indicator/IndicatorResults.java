package org.kvali.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.kvali.report.Gender;
import org.kvali.report.MeasureSet;
import org.kvali.report.ParticipationFilter;
import org.kvali.report.ParticipationReport;
import org.kvali.report.Period;
import org.kvali.report.ReportService;
import org.kvali.report.Withholding;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of a programme for reporting formats outside GraphQL, computed as the GraphQL fields compute them: of
 * one snapshot, so that the indicators, their values and the totals of the SQL path, read in several statements, are
 * of the same data.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class IndicatorResults {

	private final IndicatorRepository indicators;

	private final IndicatorValues values;

	private final JsonMapper json;

	private final ReportService reports;

	private final Withholding withholding;

	private final PeriodCells cells;

	IndicatorResults(IndicatorRepository indicators, IndicatorValues values, JsonMapper json, ReportService reports,
			Withholding withholding, PeriodCells cells) {
		this.reports = reports;
		this.withholding = withholding;
		this.cells = cells;
		this.indicators = indicators;
		this.values = values;
		this.json = json;
	}

	/** A reported value's period that no target's covers, and its window. */
	private record Untargeted(Period period, IndicatorValues.Key key) {
	}

	/** The windows of one target: the whole, and for an indicator split by sex, women and men (else null). */
	private record Windows(IndicatorValues.Key whole, IndicatorValues.Key women, IndicatorValues.Key men) {
	}

	/** The programme's indicators with their targets and actuals as of {@code today}. */
	public List<IndicatorResult> ofProgramme(String programmeCode, LocalDate today) {
		var all = this.indicators.find(programmeCode, null, null);
		var reported = this.indicators.reportedValues(all.stream()
			.filter(indicator -> indicator.method() == IndicatorEnums.Method.REPORTED)
			.map(Indicator::id)
			.toList());
		// each window made once, to compute and then to read the answers
		var windows = new ArrayList<List<Windows>>();
		var untargeted = new ArrayList<List<Untargeted>>();
		var keys = new HashSet<IndicatorValues.Key>();
		for (var indicator : all) {
			boolean split = splitBySex(indicator);
			var women = split ? byGender(indicator, Gender.FEMALE) : null;
			var men = split ? byGender(indicator, Gender.MALE) : null;
			var ofTargets = new ArrayList<Windows>();
			for (var target : indicator.targets()) {
				var windowsOfTarget = new Windows(key(indicator, target, today),
						split ? key(women, target, today) : null, split ? key(men, target, today) : null);
				ofTargets.add(windowsOfTarget);
				keys.add(windowsOfTarget.whole());
				if (split) {
					keys.add(windowsOfTarget.women());
					keys.add(windowsOfTarget.men());
				}
			}
			windows.add(ofTargets);
			var ofValues = untargeted(indicator, reported.getOrDefault(indicator.id(), List.of())).stream()
				.map(period -> new Untargeted(period, IndicatorWindows.window(indicator, period, null, today)))
				.toList();
			ofValues.forEach(value -> keys.add(value.key()));
			untargeted.add(ofValues);
		}
		// one data for all values and for whether their splits are withheld
		var data = new ParticipationReport.Data();
		var computed = this.values.compute(keys, data);
		var results = new ArrayList<IndicatorResult>();
		for (int i = 0; i < all.size(); i++) {
			var indicator = all.get(i);
			var periods = new ArrayList<IndicatorResult.PeriodResult>();
			var values = reported.getOrDefault(indicator.id(), List.of());
			for (int t = 0; t < indicator.targets().size(); t++) {
				var target = indicator.targets().get(t);
				var window = windows.get(i).get(t);
				boolean split = window.women() != null;
				var women = split ? computed.get(window.women()) : null;
				var men = split ? computed.get(window.men()) : null;
				// one sex withheld (too few people) withholds the other, or the total minus it would tell; so do
				// too few people of the other genders, who are the total minus both, and a split the caller's own
				// split by gender does not show
				boolean both = women != null && men != null && !fewOthers(indicator, window.whole(), data)
						&& this.cells.showWomenAndMen(indicator, window.whole(), data);
				var bySex = both ? new BySex(women, men) : BySex.reported(values, window.whole());
				periods.add(new IndicatorResult.PeriodResult(target.period(), target.value(),
						computed.get(window.whole()), bySex.women(), bySex.men()));
			}
			for (var value : untargeted.get(i)) {
				var bySex = BySex.reported(values, value.key());
				periods.add(new IndicatorResult.PeriodResult(value.period(), null, computed.get(value.key()),
						bySex.women(), bySex.men()));
			}
			periods.sort(Comparator.comparing((IndicatorResult.PeriodResult period) -> period.period().start()));
			var measure = indicator.measure();
			results.add(new IndicatorResult(indicator.projectCode(), indicator.code(), indicator.name(),
					indicator.nameKa(), indicator.description(), indicator.level().name(),
					indicator.unit() == IndicatorEnums.Unit.PERCENT,
					indicator.direction() == IndicatorEnums.Direction.HIGHER_IS_BETTER, indicator.baselineValue(),
					indicator.baselineDate(), indicator.cumulative(), !indicator.levels()
							&& measure != IndicatorEnums.Measure.PARTICIPANTS
							&& measure != IndicatorEnums.Measure.ORGANIZATIONS, periods));
		}
		return results;
	}

	/**
	 * The periods of an indicator's current reported values (for all, not withdrawn) that no target's period covers:
	 * a value reported for 2026 beside a target for 2027 alone was left out of the IATI file.
	 */
	private static List<Period> untargeted(Indicator indicator, List<ReportedValue> values) {
		return values.stream()
			.filter(value -> value.current() && value.whole() && !value.withdrawn())
			.filter(value -> indicator.targets().stream().noneMatch(target -> !target.start().isAfter(value.periodStart())
					&& !target.end().isBefore(value.periodEnd())))
			.map(value -> new Period(value.periodKey(), value.periodStart(), value.periodEnd()))
			.distinct()
			.toList();
	}

	/** The actual of women and of men of a period, both or neither. */
	private record BySex(Double women, Double men) {

		/**
		 * What a reported indicator's values for women and men come to within the window, as its split by gender tells
		 * them (a donor read 25 women and 15 men there, and the file gave the 40 alone: a tester's); neither for a
		 * computed indicator, which has no values, and where either has none.
		 */
		static BySex reported(List<ReportedValue> values, IndicatorValues.Key window) {
			var women = combined(values, Gender.FEMALE, window);
			var men = combined(values, Gender.MALE, window);
			return women == null || men == null ? new BySex(null, null) : new BySex(women, men);
		}

		private static Double combined(List<ReportedValue> values, Gender gender, IndicatorValues.Key window) {
			return ReportedValue.combined(values.stream()
				.filter(value -> value.current() && value.gender() == gender && window.counts(value))
				.toList(), window.indicator().levels());
		}

	}

	/** Whether the people of other and undisclosed gender in the indicator's set are too few to show the caller. */
	private boolean fewOthers(Indicator indicator, IndicatorValues.Key window, ParticipationReport.Data data) {
		var others = this.json.readValue(indicator.filter(), ParticipationFilter.class)
			.withGenders(List.of(Gender.OTHER, Gender.UNDISCLOSED))
			.within(window.from(), window.countedTo());
		return this.withholding.withheld(others,
				this.reports.totals(List.of(others), List.of(MeasureSet.PEOPLE), data).get(0).participants(), data);
	}

	/**
	 * Computed indicators of people (participants or participations) that do not select a gender themselves are
	 * given for women and men too. Activities or organizations with a woman among them are no part of a count of
	 * activities or organizations: theirs are not split.
	 */
	private boolean splitBySex(Indicator indicator) {
		return indicator.method() == IndicatorEnums.Method.COMPUTED
				&& (indicator.measure() == IndicatorEnums.Measure.PARTICIPANTS
						|| indicator.measure() == IndicatorEnums.Measure.PARTICIPATIONS)
				&& this.json.readValue(indicator.filter(), ParticipationFilter.class).genders() == null;
	}

	private static IndicatorValues.Key key(Indicator indicator, Indicator.Target target, LocalDate today) {
		return IndicatorWindows.window(indicator, target.period(), null, today);
	}

	/** The same indicator counting only one gender: in its numerator and, for a share, its denominator. */
	private Indicator byGender(Indicator indicator, Gender gender) {
		return indicator.withFilters(withGender(indicator.filter(), gender),
				indicator.denominatorFilter() == null ? null : withGender(indicator.denominatorFilter(), gender));
	}

	private String withGender(String filter, Gender gender) {
		var parsed = this.json.readValue(filter, ParticipationFilter.class);
		return this.json.writeValueAsString(parsed.withGenders(List.of(gender)));
	}

}
