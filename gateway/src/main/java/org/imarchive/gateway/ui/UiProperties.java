package org.imarchive.gateway.ui;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code gateway.ui.*}.
 *
 * @param sessionTimeout how long a signed-in browser may stay idle before it must sign in again
 * @param pageSize       queue, search and audit rows per page
 */
@Validated
@ConfigurationProperties("gateway.ui")
public record UiProperties(@NotNull @DefaultValue("PT15M") Duration sessionTimeout,
                           @Min(5) @Max(200) @DefaultValue("20") int pageSize) {
}
