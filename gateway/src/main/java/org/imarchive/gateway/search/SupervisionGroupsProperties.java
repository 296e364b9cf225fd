package org.imarchive.gateway.search;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * {@code gateway.supervision.groups}: each group names its supervisors and reviewers ({@code members}) and the
 * relationship managers whose messages they supervise ({@code rms}).
 */
@Validated
@ConfigurationProperties("gateway.supervision")
public record SupervisionGroupsProperties(@Valid @DefaultValue List<Group> groups) {

    public record Group(@NotBlank String name, @DefaultValue List<String> members, @DefaultValue List<String> rms) {
    }
}
