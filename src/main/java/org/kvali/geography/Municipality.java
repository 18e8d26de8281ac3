package org.kvali.geography;

/** A municipality or self-governing city, within its region. */
public record Municipality(String code, String nameEn, String nameKa, String regionCode) {

	/** The English name, as the schema's {@code name} field. */
	public String name() {
		return this.nameEn;
	}

}
