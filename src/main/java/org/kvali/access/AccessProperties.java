package org.kvali.access;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of authentication; a blank claim name stops the start (every token would have been refused).
 *
 * @param roleClaim the JWT claim that holds the caller's role
 * @param organizationsClaim the JWT claim that holds the codes of a partner's organizations
 */
@Validated
@ConfigurationProperties("kvali.security")
public record AccessProperties(@DefaultValue("kvali_role") @NotBlank String roleClaim,
		@DefaultValue("kvali_organizations") @NotBlank String organizationsClaim) {
}
