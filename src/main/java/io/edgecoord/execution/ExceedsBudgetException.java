package io.edgecoord.execution;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** A call needs more memory or CPU than the coordinator's whole budget: it could never run (422). */
public class ExceedsBudgetException extends ProblemException {

    ExceedsBudgetException(String task, int memoryMb, double cpus, Placement.Budget budget) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "exceeds-budget", "Task does not fit the coordinator's budget", "Task '" + task + "' needs " + memoryMb + " MiB and " + cpus + " CPUs per environment; the "
                + "coordinator's budget is " + budget.memoryMb() + " MiB and " + budget.cpus() + " CPUs in all "
                + "(edgecoord.execution.budget.*).");
    }
}
