package org.kvali.intake;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.kvali.graphql.Text;

/**
 * The columns of an attendance sheet, by their names in the header: case, surrounding spaces and a template's mark of
 * a required column (*) ignored, words apart or joined by a hyphen or an underscore (Birth year is birth_year).
 */
final class Columns {

	static final String ACTIVITY_CODE = "activity_code";

	static final String ACTIVITY_TITLE = "activity_title";

	static final String ACTIVITY_KIND = "activity_kind";

	static final String PROJECT_CODE = "project_code";

	static final String START_DATE = "start_date";

	static final String END_DATE = "end_date";

	static final String VENUE_MUNICIPALITY = "venue_municipality";

	static final String ORGANIZER_CODE = "organizer_code";

	static final String PARTICIPANT_REF = "participant_ref";

	static final String GENDER = "gender";

	static final String BIRTH_YEAR = "birth_year";

	static final String DISABILITY = "disability";

	static final String HOME_MUNICIPALITY = "home_municipality";

	static final String ORGANIZATION_CODE = "organization_code";

	static final String ORGANIZATION_NAME = "organization_name";

	static final String ORGANIZATION_KIND = "organization_kind";

	static final String ORGANIZATION_MUNICIPALITY = "organization_municipality";

	static final String ROLE = "role";

	static final List<String> REQUIRED = List.of(ACTIVITY_CODE, PROJECT_CODE, PARTICIPANT_REF, GENDER);

	/**
	 * The most rows with something in them looked through for the header: a title, a project's name, a date and notes
	 * above the table are passed over, where the header is among them.
	 */
	static final int ROWS_TO_HEADER = 10;

	/** The longest name {@link #requiredMeant} asks {@link #meant} about, well beyond any it knows qualified. */
	private static final int LONGEST_MEANT = 100;

	/** The most cells with something in them of a row above the header that is passed over (a title, a note). */
	private static final int TITLE_CELLS = 3;

	/**
	 * What a row before the header is: the header, naming every required column; a title, of a few cells naming none
	 * (nor surely meaning two); or another, which ends the search ({@link #headerAmong}), so that a sheet's rows, a
	 * header lacking a column or a block of rows above a second header are not passed over unread.
	 */
	enum Leading {
		HEADER, TITLE, OTHER
	}

	/** The columns of codes, each naming one thing: two ways of writing one make two things of it. */
	static final List<String> CODES = List.of(ACTIVITY_CODE, PROJECT_CODE, ORGANIZER_CODE, PARTICIPANT_REF,
			ORGANIZATION_CODE);

	static final List<String> ALL = List.of(ACTIVITY_CODE, ACTIVITY_TITLE, ACTIVITY_KIND, PROJECT_CODE, START_DATE,
			END_DATE, VENUE_MUNICIPALITY, ORGANIZER_CODE, PARTICIPANT_REF, GENDER, BIRTH_YEAR, DISABILITY,
			HOME_MUNICIPALITY, ORGANIZATION_CODE, ORGANIZATION_NAME, ORGANIZATION_KIND, ORGANIZATION_MUNICIPALITY,
			ROLE);

	/** Names sheets give some columns that Kvali names otherwise. */
	private static final Map<String, String> OTHER_NAMES = Map.ofEntries(Map.entry("sex", GENDER),
			Map.entry("სქესი", GENDER), Map.entry("year_of_birth", BIRTH_YEAR),
			Map.entry("დაბადების_წელი", BIRTH_YEAR),
			Map.entry("participant_id", PARTICIPANT_REF), Map.entry("disabled", DISABILITY),
			Map.entry("person_with_disability", DISABILITY), Map.entry("with_disability", DISABILITY),
			Map.entry("activity_type", ACTIVITY_KIND), Map.entry("municipality_of_residence", HOME_MUNICIPALITY),
			Map.entry("organisation_code", ORGANIZATION_CODE), Map.entry("organiser_code", ORGANIZER_CODE),
			Map.entry("organisation_name", ORGANIZATION_NAME), Map.entry("organisation_kind", ORGANIZATION_KIND),
			Map.entry("organisation_municipality", ORGANIZATION_MUNICIPALITY));

	/** Words after a column's name that tell how its values are written, not another column. */
	private static final Pattern QUALIFIERS = Pattern.compile("\\(.*\\)|status|y/n|yes/no|code|value");

	/**
	 * Names that may be of a column, or of something else: an organization's name or a host's, a full date of birth
	 * (a birth_year holds the year alone), a residence as urban or rural.
	 */
	private static final Map<String, String> MAYBE_NAMES = Map.of("organization", ORGANIZATION_NAME, "organisation",
			ORGANIZATION_NAME, "dob", BIRTH_YEAR, "date_of_birth", BIRTH_YEAR, "residence", HOME_MUNICIPALITY,
			"organizer", ORGANIZER_CODE, "organiser", ORGANIZER_CODE);

	private static final String NOT_TAKEN = "Kvali takes no names or contacts from a sheet, only the pseudonymous "
			+ "participant_ref; leave the column out";

	private static final String AGE = "give the year of birth as birth_year instead, from which each activity's age is "
			+ "taken";

	private static final String MUNICIPALITY = "give where each person lives as home_municipality, where the "
			+ "activity was held as venue_municipality, or where a new organization is based as "
			+ "organization_municipality; a region follows from its municipality";

	private static final String VENUE = "give the municipality where the activity was held as venue_municipality; "
			+ "the place's own name (a village, a hotel) is given by updateActivity as venueName";

	/**
	 * Names of what Kvali takes otherwise or not at all, and what to give instead: an age would go stale, and a
	 * person's name or contacts are kept from reporting (a tester's "Age" and "full_name" were only told ignored). A
	 * municipality, a region or a venue of no named use was ignored with no more said, and its people counted in no
	 * region (a tester's).
	 */
	private static final Map<String, String> INSTEAD = Map.ofEntries(Map.entry("age", AGE), Map.entry("ასაკი", AGE),
			Map.entry("municipality", MUNICIPALITY), Map.entry("მუნიციპალიტეტი", MUNICIPALITY),
			Map.entry("region", MUNICIPALITY), Map.entry("რეგიონი", MUNICIPALITY), Map.entry("venue", VENUE),
			Map.entry("venue_name", VENUE), Map.entry("location", VENUE),
			Map.entry("name", NOT_TAKEN), Map.entry("full_name", NOT_TAKEN), Map.entry("first_name", NOT_TAKEN),
			Map.entry("last_name", NOT_TAKEN), Map.entry("surname", NOT_TAKEN), Map.entry("phone", NOT_TAKEN),
			Map.entry("email", NOT_TAKEN), Map.entry("e_mail", NOT_TAKEN), Map.entry("phone_number", NOT_TAKEN),
			Map.entry("mobile", NOT_TAKEN), Map.entry("personal_number", NOT_TAKEN),
			Map.entry("personal_id", NOT_TAKEN), Map.entry("id_number", NOT_TAKEN), Map.entry("patronymic", NOT_TAKEN),
			Map.entry("პირადი_ნომერი", NOT_TAKEN), Map.entry("ტელეფონი", NOT_TAKEN),
			Map.entry("სახელი", NOT_TAKEN), Map.entry("გვარი", NOT_TAKEN));

	/**
	 * Words of a column's name that make it a person's name or contacts, with others ("participant_name", "ФИО",
	 * "Mobile phone"): a tester's "ФИО" and "participant_name" were told only that they were ignored.
	 */
	private static final Set<String> PERSONAL_WORDS = Set.of("name", "names", "surname", "firstname", "lastname",
			"fullname", "patronymic", "phone", "telephone", "tel", "mobile", "email", "mail", "contact",
			"contacts", "address", "signature", "passport", "фио", "имя", "фамилия", "отчество", "телефон", "подпись",
			"სახელი", "გვარი", "ტელეფონი", "ხელმოწერა", "მისამართი");

	/** Words of a column's name that make it something's other than a person's ("organization_name", "venue_name"). */
	private static final Set<String> THING_WORDS = Set.of("organization", "organisation", "org", "activity", "event",
			"training", "venue", "project", "programme", "program", "municipality", "village", "place", "hotel", "file",
			"sheet", "ორგანიზაციის", "ორგანიზაცია", "ღონისძიების", "პროექტის", "организации", "организация",
			"мероприятия", "проекта");

	private static final Pattern QUALIFIED = Pattern.compile("_\\(.*\\)$");

	private static final Pattern APART = Pattern.compile("[\\s\\-.]+");

	private Columns() {
	}

	/**
	 * What a row read before the header is, by the names written in it: one surely meaning two of the required columns
	 * is no title, a legend of one ("Sex", "F = female") is (a review's: read as the header, it refused the sheet).
	 */
	static Leading leading(List<String> written) {
		int named = requiredNamed(written);
		if (named == REQUIRED.size()) {
			return Leading.HEADER;
		}
		long cells = written.stream().filter(cell -> !Text.blank(cell)).count();
		return named == 0 && cells <= TITLE_CELLS && requiredMeant(written) < 2 ? Leading.TITLE : Leading.OTHER;
	}

	/**
	 * Of a sheet's first rows with anything in them ({@link #ROWS_TO_HEADER}), the header's: the first to name every
	 * required column after titles alone; else the row after them that is no title where it names one, or surely means
	 * one, to be refused for what it lacks (a header with "sex" below a title is told "did you mean gender?", one of
	 * "Participant ID" and "Sex" too, where the title was read as the header: a review's); else the first.
	 */
	static int headerAmong(List<List<String>> rows) {
		for (int i = 0; i < rows.size(); i++) {
			if (leading(rows.get(i)) != Leading.TITLE) {
				return requiredMeant(rows.get(i)) > 0 ? i : 0;
			}
		}
		return 0;
	}

	/** How many of the required columns the names written in a row name. */
	static int requiredNamed(List<String> written) {
		var names = written.stream().map(Columns::named).toList();
		return (int) REQUIRED.stream().filter(names::contains).count();
	}

	/**
	 * How many of the required columns the names written in a row name, or surely mean ({@link #meant}: "Sex",
	 * "Participant ID"). A longer name than {@link #LONGEST_MEANT} means none: {@link #meant} takes time growing with
	 * the square of a name's length (a review's: 4 s for a cell of 100,000 characters, read in any sheet's first row).
	 */
	static int requiredMeant(List<String> written) {
		var names = written.stream().map(Columns::named).map(name -> {
			var meant = ALL.contains(name) || name.length() > LONGEST_MEANT ? null : meant(name);
			return meant != null && meant.surely() ? meant.column() : name;
		}).toList();
		return (int) REQUIRED.stream().filter(names::contains).count();
	}

	/** The required columns the names written in a row do not name, in the order of {@link #REQUIRED}. */
	static List<String> requiredLacking(List<String> written) {
		var names = written.stream().map(Columns::named).toList();
		return REQUIRED.stream().filter(column -> !names.contains(column)).toList();
	}

	/** The column a header's name names: "Birth year", "birth-year" and "BIRTH_YEAR *" are birth_year. */
	static String named(String written) {
		var name = Text.trim(Text.plain(written)).toLowerCase(Locale.ROOT);
		// the marks either side taken off by hand: a pattern of them tried each start of a cell of stars, and took 10
		// s for 100,000 characters before a header, growing with their square (a review's)
		int from = 0;
		int to = name.length();
		while (from < to && mark(name.charAt(from))) {
			from++;
		}
		while (to > from && mark(name.charAt(to - 1))) {
			to--;
		}
		return APART.matcher(name.substring(from, to)).replaceAll("_");
	}

	/** A mark around a name: an asterisk, or white space as a pattern's {@code \s} takes it. */
	private static boolean mark(char c) {
		return c == '*' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	/**
	 * The column an unknown name seems meant for, and whether surely: another name of it ("sex"), or it with a word
	 * that qualifies its values ("Gender (F/M)", "Disability status"); maybe, it with other words ("Disability type",
	 * "Role description") or a letter or two off a long name ("gendr", "Activity time"). Null when none.
	 */
	static Meant meant(String name) {
		// another name, qualified or not: "Disabled (Y/N)"
		var bare = QUALIFIED.matcher(name).replaceAll("");
		if (OTHER_NAMES.containsKey(bare)) {
			return new Meant(OTHER_NAMES.get(bare), true);
		}
		if (MAYBE_NAMES.containsKey(bare)) {
			return new Meant(MAYBE_NAMES.get(bare), false);
		}
		for (var column : ALL) {
			if (name.startsWith(column + "_")) {
				return new Meant(column, QUALIFIERS.matcher(name.substring(column.length() + 1)).matches());
			}
			// "note" is no misspelt role, nor "roll"; "send date" may be no misspelt end_date
			if (column.length() >= 6 && Text.distance(name, column, 3) <= 2) {
				return new Meant(column, false);
			}
		}
		return null;
	}

	/** What to give instead of an unknown column Kvali does not take (an age, a name), or null. */
	static String instead(String name) {
		var bare = QUALIFIED.matcher(name).replaceAll("");
		if (INSTEAD.containsKey(bare)) {
			return INSTEAD.get(bare);
		}
		var words = List.of(bare.split("_"));
		return words.stream().anyMatch(PERSONAL_WORDS::contains) && words.stream().noneMatch(THING_WORDS::contains)
				? NOT_TAKEN : null;
	}

	/** A column an unknown name seems meant for; surely, or maybe. */
	record Meant(String column, boolean surely) {
	}

}
