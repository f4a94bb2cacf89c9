package io.edgecoord.task;

import java.time.Duration;
import java.util.Objects;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.task.TaskExecution.Isolation;

/**
 * Stores a task version's {@link TaskExecution} as one JSON object in a varchar column, durations
 * in seconds. A {@code null} column is a version at the defaults (every version deployed before
 * these settings existed); a field missing from the JSON takes its default too.
 */
@Converter
class ExecutionJson implements AttributeConverter<TaskExecution, String> {

    /** The width of the {@code execution_json} column. */
    static final int MAX_LENGTH = 2048;

    private static final JsonMapper mapper = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(TaskExecution execution) {
        return (execution != null) ? mapper.writeValueAsString(Stored.of(execution)) : null;
    }

    @Override
    public TaskExecution convertToEntityAttribute(String json) {
        return (json != null) ? mapper.readValue(json, Stored.class).execution() : null;
    }

    /** The column's JSON shape, kept apart from the API's so that either may change alone. */
    record Stored(Isolation isolation, Double cpus, Integer minWarm, Integer maxEnvironments, Long keepAliveSeconds,
            Boolean pinned, Integer priority, Integer weight, Integer maxQueueLength, Integer maxRetries,
            Long maxEventAgeSeconds) {

        static Stored of(TaskExecution execution) {
            return new Stored(execution.isolation(), execution.cpus(), execution.minWarm(),
                    execution.maxEnvironments(), seconds(execution.keepAlive()), execution.pinned(),
                    execution.priority(), execution.weight(), execution.maxQueueLength(), execution.maxRetries(),
                    seconds(execution.maxEventAge()));
        }

        TaskExecution execution() {
            TaskExecution defaults = TaskExecution.DEFAULTS;
            return new TaskExecution(Objects.requireNonNullElse(this.isolation, defaults.isolation()), this.cpus,
                    Objects.requireNonNullElse(this.minWarm, defaults.minWarm()), this.maxEnvironments,
                    duration(this.keepAliveSeconds), Objects.requireNonNullElse(this.pinned, defaults.pinned()),
                    Objects.requireNonNullElse(this.priority, defaults.priority()),
                    Objects.requireNonNullElse(this.weight, defaults.weight()), this.maxQueueLength, this.maxRetries,
                    duration(this.maxEventAgeSeconds));
        }

        private static Long seconds(Duration duration) {
            return (duration != null) ? duration.toSeconds() : null;
        }

        private static Duration duration(Long seconds) {
            return (seconds != null) ? Duration.ofSeconds(seconds) : null;
        }
    }
}
