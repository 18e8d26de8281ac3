package org.kvali.access;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.kvali.organization.OrganizationService;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Reads the caller from a verified JWT: the role from one claim, a partner's organization codes from another (both
 * named in {@link AccessProperties}), known by its subject. A token without a subject (or with one over
 * {@link #LONGEST_SUBJECT} characters), without an expiry, without a known role, or a partner's without a known
 * organization, is refused, saying which ({@link ClaimsRefused}).
 */
@Component
class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

	/** The most characters of a token's subject. */
	static final int LONGEST_SUBJECT = 200;

	private final AccessProperties properties;

	private final OrganizationService organizations;

	JwtCallers(AccessProperties properties, OrganizationService organizations) {
		this.properties = properties;
		this.organizations = organizations;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		// the caller's name: the sheets it loaded are its own by it (their history and its row policy), and tokens
		// without one were all the one caller "jwt:null" (a client credentials token may carry none: a review's)
		var subject = jwt.getSubject();
		if (subject == null || subject.isBlank()) {
			throw new ClaimsRefused("The token has no subject (claim sub), by which Kvali knows callers");
		}
		// the audit log names callers by it in at most 300 characters: a longer one's changes went unrecorded
		if (subject.length() > LONGEST_SUBJECT || subject.chars().anyMatch(Character::isISOControl)) {
			throw new ClaimsRefused("The token's subject (claim sub) has more than " + LONGEST_SUBJECT
					+ " characters, or a control character");
		}
		// Spring's own check takes a token without one as valid for ever
		if (jwt.getExpiresAt() == null) {
			throw new ClaimsRefused("The token has no expiry (claim exp); Kvali takes none that is valid for ever");
		}
		var roleName = jwt.getClaimAsString(this.properties.roleClaim());
		Role role;
		try {
			role = Role.valueOf(roleName == null ? "" : roleName.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ClaimsRefused("The token's claim " + this.properties.roleClaim()
					+ " names no role (ADMIN, ANALYST, DONOR or PARTNER)");
		}
		var ids = new HashSet<Long>();
		if (role == Role.PARTNER) {
			List<String> codes = jwt.hasClaim(this.properties.organizationsClaim())
					? jwt.getClaimAsStringList(this.properties.organizationsClaim()) : List.of();
			this.organizations.organizationsByCode(codes).values().forEach(organization -> ids.add(organization.id()));
			if (ids.isEmpty()) {
				throw new ClaimsRefused("A PARTNER token names its organizations in the claim "
						+ this.properties.organizationsClaim() + "; none of them is known");
			}
		}
		return new CallerAuthentication(new Caller("jwt:" + subject, role, ids));
	}

	/**
	 * A token verified, whose claims do not make a caller: the client is told which claim (a token of the issuer
	 * without a role had been told it was unknown, revoked, expired or malformed, and its issuer's set-up looked for in
	 * vain).
	 */
	static final class ClaimsRefused extends InvalidBearerTokenException {

		ClaimsRefused(String message) {
			super(message);
		}

	}

}
