package org.kvali.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of authentication.
 *
 * @param roleClaim the JWT claim that holds the caller's role
 * @param organizationsClaim the JWT claim that holds the codes of a partner's organizations
 */
@ConfigurationProperties("kvali.security")
public record AccessProperties(@DefaultValue("kvali_role") String roleClaim,
		@DefaultValue("kvali_organizations") String organizationsClaim) {
}
