package org.kvali.geography;

/** A top-level administrative unit of a country, such as Kvemo Kartli (GE-KK). */
public record Region(String code, String nameEn, String nameKa) {

	/** The English name, as the schema's {@code name} field. */
	public String name() {
		return this.nameEn;
	}

}
