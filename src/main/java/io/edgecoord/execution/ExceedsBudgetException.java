package io.edgecoord.execution;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A call needs more memory or CPU than the coordinator's whole budget: it could never run (422). */
public class ExceedsBudgetException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/exceeds-budget");

    ExceedsBudgetException(String task, int memoryMb, double cpus, Placement.Budget budget) {
        super(HttpStatus.UNPROCESSABLE_CONTENT);
        setType(TYPE);
        setTitle("Task does not fit the coordinator's budget");
        setDetail("Task '" + task + "' needs " + memoryMb + " MiB and " + cpus + " CPUs per environment; the "
                + "coordinator's budget is " + budget.memoryMb() + " MiB and " + budget.cpus() + " CPUs in all "
                + "(edgecoord.execution.budget.*).");
    }
}
