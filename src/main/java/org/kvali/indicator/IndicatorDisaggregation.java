package org.kvali.indicator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.kvali.geography.GeographyService;
import org.kvali.graphql.InvalidArgumentException;
import org.kvali.report.AgeGroups;
import org.kvali.report.AgeRange;
import org.kvali.report.Dimension;
import org.kvali.report.Gender;
import org.kvali.report.Grouping;
import org.kvali.report.LineTotals;
import org.kvali.report.MeasureSet;
import org.kvali.report.ParticipationFilter;
import org.kvali.report.ParticipationGroup;
import org.kvali.report.ParticipationReport;
import org.kvali.report.ReportService;
import org.kvali.report.SuppressionProperties;
import org.kvali.report.Withholding;

import org.springframework.stereotype.Component;

/** A computed indicator split by dimensions, through the participation breakdown over its filter. */
@Component
class IndicatorDisaggregation {

	/** One group and the indicator's value within it. */
	record Group(ParticipationGroup group, Double value) {
	}

	private final ReportService reports;

	private final Withholding withholding;

	private final IndicatorRepository indicators;

	private final JsonMapper json;

	private final SuppressionProperties suppression;

	private final GeographyService geography;

	IndicatorDisaggregation(ReportService reports, Withholding withholding, IndicatorRepository indicators,
			JsonMapper json, SuppressionProperties suppression, GeographyService geography) {
		this.suppression = suppression;
		this.geography = geography;
		this.reports = reports;
		this.withholding = withholding;
		this.indicators = indicators;
		this.json = json;
	}

	/**
	 * The indicator's value in each group the caller may see, counted and decided over the data given: groups withheld
	 * from it, and groups whose share is, are left out, as from a breakdown ({@link ReportService#shownBreakdown}).
	 */
	List<Group> groups(Indicator indicator, IndicatorSplit split, IndicatorValues.Key window,
			ParticipationReport.Data data) {
		checkSplit(indicator, split);
		var by = split.by();
		if (window.noValue()) {
			return List.of();
		}
		// distinct activities and organizations as a breakdown of the caller's shows them, and a count of them only
		// then; a share's over its whole too, as its actual asks (IndicatorValues)
		var shown = indicator.method() == IndicatorEnums.Method.REPORTED ? MeasureSet.ALL
				: this.withholding.shownUnits(filter(indicator.filter(), window), by, data)
					.and(indicator.unit() == IndicatorEnums.Unit.PERCENT
							? this.withholding.shownUnits(filter(indicator.denominatorFilter(), window), by, data)
							: MeasureSet.ALL);
		var measure = indicator.measure();
		boolean valueShown = measure == null || measure.countsPeople()
				|| (measure == IndicatorEnums.Measure.ACTIVITIES ? shown.activities() : shown.organizations());
		// in the natural order of a breakdown: a group whose whole was withheld, or the numerator's alone, is not last
		return all(indicator, split, window, data, new HashMap<>()).stream()
			.filter(group -> !group.group().suppressed())
			.map(group -> new Group(group.group().only(shown), valueShown ? group.value() : null))
			.sorted(Comparator.comparing(Group::group, ParticipationGroup.naturalOrder(by)))
			.toList();
	}

	/**
	 * Refuses dimensions the indicator is not split by (a reported one's values are reported by gender or by region
	 * alone) and groups of ages a breakdown would refuse ({@link AgeGroups#check}).
	 */
	static void checkSplit(Indicator indicator, IndicatorSplit split) {
		var by = split.by();
		if (indicator.method() == IndicatorEnums.Method.REPORTED && !by.equals(List.of(Dimension.GENDER))
				&& !by.equals(List.of(Dimension.REGION))) {
			throw new InvalidArgumentException("by", by, "A reported indicator is split by GENDER or by REGION alone");
		}
		AgeGroups.check(by, split.grouping(indicator.yearStart()));
	}

	/**
	 * Each group of the split, those withheld from the caller marked so; {@code beside} holds the groups the splits
	 * beside it withhold, by their sorted dimensions ({@link #withheldBeside}).
	 */
	private List<Group> all(Indicator indicator, IndicatorSplit split, IndicatorValues.Key window,
			ParticipationReport.Data data, Map<List<Dimension>, Set<List<Object>>> beside) {
		var by = split.by();
		if (indicator.method() == IndicatorEnums.Method.REPORTED) {
			return reported(indicator, by, window);
		}
		var numeratorFilter = filter(indicator.filter(), window);
		var grouping = split.grouping(indicator.yearStart());
		if (indicator.unit() == IndicatorEnums.Unit.PERCENT) {
			restOfAges(numeratorFilter, filter(indicator.denominatorFilter(), window), split, grouping, data);
		}
		var numerator = breakdown(numeratorFilter, by, grouping, data);
		if (indicator.unit() == IndicatorEnums.Unit.NUMBER) {
			return numerator.stream()
				.map(group -> new Group(group, group.suppressed() ? null : indicator.measure().of(group.measures())))
				.toList();
		}
		// the groups of the whole: a group with none of the numerator is at 0 %, not left out; then any group of the
		// numerator the whole lacks
		Map<List<Object>, ParticipationGroup> counted = new LinkedHashMap<>();
		numerator.forEach(group -> counted.put(group.values(by), group));
		var denominatorFilter = filter(indicator.denominatorFilter(), window);
		var groups = new ArrayList<Group>();
		var shares = new ArrayList<ShareComplements.Share>();
		var leftOut = new HashSet<List<Object>>();
		var wholes = breakdown(denominatorFilter, by, grouping, data);
		var definitions = new ShareDefinitions(numeratorFilter, denominatorFilter, by, regionsOf(wholes));
		var weights = new ShareWeights(this.reports, this.withholding, new ParticipationReport(numeratorFilter, data),
				new ParticipationReport(denominatorFilter, data), by, grouping, numerator, wholes);
		for (var whole : wholes) {
			var group = counted.remove(whole.values(by));
			var share = share(indicator, group == null ? whole.noneOf() : group, whole, definitions,
					weights.rest(whole), data);
			groups.add(share);
			shares.add(weights.share(share.group(), whole));
			if (share.group().suppressed()) {
				leftOut.add(whole.values(by));
			}
		}
		// with none left out, a line still tells a total the split beside it withholds, or a few people beyond it
		if ((!leftOut.isEmpty() || by.size() > 1 || LineTotals.anyWithin(by))
				&& (this.withholding.suppresses(numeratorFilter, data)
						|| this.withholding.suppresses(denominatorFilter, data))) {
			var more = ShareComplements.more(shares, leftOut, by, this.suppression.k(), weights.numeratorLines(),
					weights.wholeLines(), told -> withheldBeside(indicator, split, told, window, data, beside));
			groups.replaceAll(group -> more.contains(group.group().values(by))
					? new Group(group.group().hidden(), null) : group);
		}
		counted.values().forEach(group -> groups.add(new Group(group, null)));
		return groups;
	}

	/**
	 * The keys, by their values of {@code told} in its order, of the groups the split by those dimensions withholds
	 * from the caller, a split beside this one: its lines' totals are its groups. Each is split once for the question
	 * ({@code beside}), and weighs the splits beside it in turn.
	 */
	private Set<List<Object>> withheldBeside(Indicator indicator, IndicatorSplit split, List<Dimension> told,
			IndicatorValues.Key window, ParticipationReport.Data data,
			Map<List<Dimension>, Set<List<Object>>> beside) {
		var known = beside.get(told);
		if (known != null) {
			return known;
		}
		var by = new IndicatorSplit(told, told.contains(Dimension.AGE_GROUP) ? split.ageGroupStarts() : null);
		var withheld = all(indicator, by, window, data, beside).stream()
			.filter(group -> group.group().suppressed())
			.map(group -> group.group().values(told))
			.collect(Collectors.toSet());
		beside.put(told, withheld);
		return withheld;
	}

	/**
	 * A share by age band or group of ages is refused to a caller whose answers are suppressed where a group would
	 * tell the denominator's people of 1 to 4 ages (a review's: 20 and over of everyone, by band, told the 18 and
	 * 19-year-olds), naming what sets the groups.
	 */
	private void restOfAges(ParticipationFilter numerator, ParticipationFilter denominator, IndicatorSplit split,
			Grouping grouping, ParticipationReport.Data data) {
		var by = split.by();
		boolean bands = by.contains(Dimension.AGE_BAND);
		var problem = bands ? AgeRange.restProblem(numerator, denominator)
				: by.contains(Dimension.AGE_GROUP) ? AgeGroups.restProblem(numerator, denominator, grouping) : null;
		if (problem != null
				&& (this.withholding.suppresses(numerator, data) || this.withholding.suppresses(denominator, data))) {
			throw bands ? new InvalidArgumentException("by", by, problem)
					: new InvalidArgumentException("ageGroupStarts", split.ageGroupStarts(), problem);
		}
	}

	/**
	 * A share within one group of the whole; withheld, and the group with it, where the whole is, where the
	 * numerator's people number fewer than k, none included, as an indicator's value is ({@link IndicatorValues}),
	 * unless the numerator has none there by its definition (the men of a share of women), or where the rest of the
	 * whole does, none included too, unless the numerator holds the whole there by its definition (the women of a
	 * share of women: a group at 100 % is shown, as the men's at 0 %; left out, each took the other along). A quarter
	 * of a share of people from one region, at 100 %, was shown while its value asked alone was withheld (a tester's).
	 * Listed with its numerator, a group whose whole a breakdown withheld told that whole as the numerator plus the
	 * rest, and the whole told the rest.
	 */
	private Group share(Indicator indicator, ParticipationGroup group, ParticipationGroup whole,
			ShareDefinitions definitions, int strangersRest, ParticipationReport.Data data) {
		int rest = whole.participants() - group.participants();
		if (whole.suppressed() || group.suppressed()
				|| this.withholding.withheldUnlessMany(definitions.numerator(), group.participants(), data)
						&& !definitions.noneOf(group, whole)
				|| (this.withholding.withheldUnlessMany(definitions.denominator(), rest, data)
						|| strangersRest < this.suppression.k()) && !definitions.allOf(whole)) {
			return new Group(group.hidden(), null);
		}
		double denominator = indicator.measure().of(whole.measures());
		return new Group(group, denominator == 0 ? null : 100 * indicator.measure().of(group.measures()) / denominator);
	}

	/**
	 * A municipality's region, the regions of the groups' municipalities read at once at the first asked (a share's
	 * group of municipalities lies within its region).
	 */
	private UnaryOperator<String> regionsOf(List<ParticipationGroup> groups) {
		var regions = new HashMap<String, String>();
		return municipality -> {
			if (regions.isEmpty()) {
				var codes = new HashSet<String>();
				for (var group : groups) {
					for (var code : new String[] { group.municipalityCode(), group.venueMunicipalityCode() }) {
						if (code != null) {
							codes.add(code);
						}
					}
				}
				codes.add(municipality);
				this.geography.municipalitiesByCode(codes)
					.forEach((code, found) -> regions.put(code, found.regionCode()));
			}
			return regions.get(municipality);
		};
	}

	/** The current values reported for each gender or region over the periods within the window, combined. */
	private List<Group> reported(Indicator indicator, List<Dimension> by, IndicatorValues.Key window) {
		var dimension = by.get(0).name();
		Map<String, List<ReportedValue>> groups = new TreeMap<>();
		for (var value : this.indicators.reportedValues(indicator.id())) {
			if (value.current() && dimension.equals(value.dimension())) {
				groups.computeIfAbsent(value.dimensionValue(), key -> new ArrayList<>()).add(value);
			}
		}
		return groups.entrySet()
			.stream()
			.map(values -> new Group(group(by.get(0), values.getKey()),
					ReportedValue.combined(values.getValue().stream().filter(window::counts).toList(),
							indicator.levels())))
			.filter(group -> group.value() != null)
			.toList();
	}

	private static ParticipationGroup group(Dimension dimension, String value) {
		boolean gender = dimension == Dimension.GENDER;
		return new ParticipationGroup(null, null, gender ? null : value, null, null, null, null, null, null,
				gender ? Gender.valueOf(value) : null, null, null, null, null, null, null, null, 0, 0, 0, 0, null,
				false);
	}

	/** A stored filter narrowed to the window. */
	ParticipationFilter filter(String stored, IndicatorValues.Key window) {
		return this.json.readValue(stored, ParticipationFilter.class).within(window.from(), window.countedTo());
	}

	/**
	 * The breakdown over a stored filter, whose codes were checked when the indicator was defined, by the programme's
	 * years and quarters and the split's groups of ages.
	 */
	private List<ParticipationGroup> breakdown(ParticipationFilter filter, List<Dimension> by, Grouping grouping,
			ParticipationReport.Data data) {
		try {
			var report = new ParticipationReport(filter, data);
			return this.reports.breakdown(report, by, grouping, null, null, MeasureSet.ALL);
		}
		catch (InvalidArgumentException ex) {
			// a disaggregation has no first to cut it with
			throw "first".equals(ex.argument()) ? new InvalidArgumentException("by", by, "The disaggregation has more "
					+ "than " + ReportService.MAX_FIRST + " groups, more than are answered at once: disaggregate by "
					+ "fewer dimensions") : ex;
		}
	}

}
