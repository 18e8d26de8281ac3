package org.kvali.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Opaque cursors holding the sort keys of a row, so pages are cut by key and not by offset. */
final class Cursor {

	private static final String PREFIX = "k1";

	private static final String SEPARATOR = "\u001f";

	private Cursor() {
	}

	static String encode(List<String> keys) {
		var text = PREFIX + SEPARATOR + String.join(SEPARATOR, keys);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The keys of a cursor, which must hold exactly {@code keyParts} of them. */
	static List<String> decode(String cursor, int keyParts) {
		try {
			var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			var parts = Arrays.asList(text.split(SEPARATOR, -1));
			if (parts.size() == keyParts + 1 && parts.get(0).equals(PREFIX) && text.indexOf('\0') < 0) {
				return parts.subList(1, parts.size());
			}
		}
		catch (IllegalArgumentException ex) {
			// not Base64: reported below like any other foreign cursor
		}
		throw new InvalidArgumentException("after", cursor, "'" + cursor + "' is not a cursor of this list");
	}

}
