package org.kvali.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kvali.access.Caller;
import org.kvali.geography.GeographyService;
import org.kvali.graphql.InvalidArgumentException;
import org.kvali.graphql.Validation;

import org.springframework.stereotype.Component;

/** What is wrong with a participation filter, as the caller asking may be told it. */
@Component
public class FilterProblems {

	/** What a filter names places by: codes, which a name is told. */
	private static final Set<String> PLACES = Set.of("region", "municipality");

	/** Each field of places, and the one of the other level. */
	private static final Map<String, String> OTHER_LEVEL = Map.of("regions", "municipalities", "municipalities",
			"regions", "venueRegions", "venueMunicipalities", "venueMunicipalities", "venueRegions");

	private final ReportRepository repository;

	private final GeographyService geography;

	private final int k;

	FilterProblems(ReportRepository repository, GeographyService geography, SuppressionProperties suppression) {
		this.repository = repository;
		this.geography = geography;
		this.k = suppression.k();
	}

	/**
	 * The filter's problems: its range of ages ({@link AgeRange#problem}, 5 ages at least when {@code suppressed}: for
	 * a caller small groups are withheld from, and an indicator's definition, whose figures donors read),
	 * then its unknown codes, for each of its fields that has any, in the order of the fields, an error naming the
	 * first and the others of that field. Each as a field of {@code argument} ({@code filter.regions}, or
	 * {@code input.denominatorFilter.regions} of an indicator's definition, which names them all at once).
	 */
	public List<InvalidArgumentException> of(ParticipationFilter filter, String argument, boolean suppressed) {
		var problems = new ArrayList<InvalidArgumentException>();
		var caller = Caller.find();
		var ages = AgeRange.problem(filter.ages(), filter.ageBands(), suppressed);
		if (ages != null) {
			problems.add(new InvalidArgumentException(argument + ".ages", filter.ages(), ages));
		}
		var byArgument = new LinkedHashMap<String, List<ReportRepository.UnknownCode>>();
		var known = caller.map(found -> switch (found.role()) {
			case DONOR -> ReportSql.KnownOrganizations.TAKING_PART;
			case PARTNER -> ReportSql.KnownOrganizations.TAKING_PART_OR_AT_OWN;
			default -> ReportSql.KnownOrganizations.ALL;
		}).orElse(ReportSql.KnownOrganizations.ALL);
		var own = caller.map(found -> found.organizations().toArray(Long[]::new)).orElse(new Long[0]);
		var places = this.geography.hints();
		for (var code : this.repository.unknownCodes(filter, known, this.k, own)) {
			var named = argument + code.argument().substring(code.argument().indexOf('.'));
			var stored = code.stored();
			var elsewhere = code.elsewhere();
			if (stored == null && elsewhere == null && PLACES.contains(code.what())) {
				// a place by its name, as sheets take it ("Marneuli Municipality"), is told its code; one of the other
				// level the field it goes in, as its code is (the places read once, for the first)
				boolean region = code.what().equals("region");
				stored = (region ? places.regionMeant(code.code()) : places.municipalityMeant(code.code()))
					.orElse(null);
				var field = code.argument().substring(code.argument().indexOf('.') + 1);
				var other = argument + "." + OTHER_LEVEL.get(field);
				elsewhere = stored != null ? null : (region ? places.municipalityIn(other) : places.regionIn(other))
					.apply(code.code())
					.map(told -> told.substring(2))
					.orElse(null);
			}
			byArgument.computeIfAbsent(named, key -> new ArrayList<>())
				.add(new ReportRepository.UnknownCode(named, code.what(), code.code(), stored,
						elsewhere == null ? null : elsewhere.replace("{filter}", argument)));
		}
		byArgument.values().stream().map(FilterProblems::unknownCodes).forEach(problems::add);
		return problems;
	}

	private static InvalidArgumentException unknownCodes(List<ReportRepository.UnknownCode> given) {
		// a code given twice is named once (it was listed as another: a tester's)
		var unknown = given.stream().distinct().toList();
		var first = unknown.get(0);
		return InvalidArgumentException.unknownCodes(first.argument(), first.what(), unknown.stream()
			.map(code -> new InvalidArgumentException.Unknown(code.code(), code.stored() != null
					? Validation.meant(code.what(), code.code(), code.stored())
					: code.elsewhere() != null ? "; " + code.elsewhere() : null))
			.toList(), unknown.size());
	}

}
