package io.edgecoord.task;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Shared test data and matchers for the task API tests. */
final class TaskFixtures {

    static final String PROBLEMS = "https://edgecoord.io/problems/";

    private TaskFixtures() {
    }

    /** A deployment of version 1 of {@code hello}. */
    static Deployment deployment(boolean created) {
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        TaskVersionResponse version = new TaskVersionResponse(1, "provided", null, 128, 30, Map.of(), Map.of(),
                "a".repeat(64), 100, now, TaskVersionResponse.ExecutionResponse.of(TaskExecution.DEFAULTS),
                TaskVersionResponse.RetriesResponse.of(TaskExecution.DEFAULTS),
                TaskVersionResponse.PermissionsResponse.of(TaskPermissions.NONE));
        return new Deployment(created, new TaskResponse("hello", 1, now, now, version));
    }

    /** A JSON deploy request of a {@code provided} task named {@code hello} with these further settings. */
    static String provided(String settings) {
        return """
                {"name":"hello","runtime":"provided","code":{"inline":"#!/bin/sh"},%s}""".formatted(settings);
    }

    /** An RFC 9457 problem of this status and edgecoord type, with a title and a detail, and no stack trace. */
    static ResultMatcher problem(int status, String slug) {
        ResultMatcher[] matchers = { status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value(PROBLEMS + slug), jsonPath("$.status").value(status),
                jsonPath("$.title").isNotEmpty(), jsonPath("$.detail").isNotEmpty(),
                jsonPath("$.trace").doesNotExist() };
        return (result) -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
