package io.tessera.cli;

import io.tessera.engine.dispatch.JobId;
import picocli.CommandLine;

/** A job id argument, checked by the engine's one rule; a bad one is a usage error with that rule as its message. */
final class JobIdConverter implements CommandLine.ITypeConverter<JobId> {
    @Override
    public JobId convert(String value) {
        try {
            return JobId.of(value);
        } catch (IllegalArgumentException bad) {
            throw new CommandLine.TypeConversionException(bad.getMessage());
        }
    }
}
