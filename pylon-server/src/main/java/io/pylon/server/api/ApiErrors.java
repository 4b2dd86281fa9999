package io.pylon.server.api;

import io.pylon.domain.command.CommandFailure;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as {@code application/problem+json}. Validation errors name the field in
 * {@code detail} and list all of them in {@code errors}; charger command failures say whether the
 * charger was offline (409), silent (504), answered with an error (502) or speaks a protocol without
 * the command (422).
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage()))).toList();
        String detail = errors.isEmpty() ? "Invalid request"
                : errors.getFirst().get("field") + ": " + errors.getFirst().get("message");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.getName() + ": cannot read '" + e.getValue() + "'");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", e.getName(), "message", "invalid value")));
        return problem;
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ProblemDetail constraintViolation(jakarta.validation.ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream().map(v -> {
            String path = v.getPropertyPath().toString();
            return Map.of("field", path.substring(path.lastIndexOf('.') + 1), "message", v.getMessage());
        }).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.getFirst().get("field") + ": " + errors.getFirst().get("message"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail forbidden(org.springframework.security.access.AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role may not do this");
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage() == null ? "Not found" : e.getMessage() + " not found");
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        return problem;
    }

    /**
     * A delete or change the database refused because other records still point at the row (a station's cameras,
     * bays or sensors, say): the caller must remove those first. Never a 500.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail stillReferenced(org.springframework.dao.DataIntegrityViolationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Other records still refer to this one or it would duplicate one (remove or change those first)");
        problem.setTitle("Conflict");
        return problem;
    }

    @ExceptionHandler(CompletionException.class)
    ProblemDetail completion(CompletionException e) {
        if (e.getCause() instanceof CommandFailure failure) return commandFailure(failure);
        if (e.getCause() instanceof IllegalArgumentException bad) return badArgument(bad);
        if (e.getCause() instanceof NoSuchElementException missing) return notFound(missing);
        throw e;
    }

    @ExceptionHandler(CommandFailure.class)
    ProblemDetail commandFailure(CommandFailure failure) {
        HttpStatus status = switch (failure.kind()) {
            case OFFLINE, NOT_ACCEPTED -> HttpStatus.CONFLICT;
            case TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
            case CHARGER_ERROR -> HttpStatus.BAD_GATEWAY;
            case NOT_SUPPORTED -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, failure.getMessage());
        problem.setTitle(switch (failure.kind()) {
            case OFFLINE -> "Charger offline";
            case NOT_ACCEPTED -> "Charger not accepted";
            case TIMEOUT -> "Charger did not answer";
            case CHARGER_ERROR -> "Charger answered with an error";
            case NOT_SUPPORTED -> "Not supported by the charger's protocol";
        });
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var first = e.getParameterValidationResults().getFirst();
        String field = first.getMethodParameter().getParameterName();
        String message = first.getResolvableErrors().getFirst().getDefaultMessage();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", String.valueOf(field), "message", String.valueOf(message))));
        return ResponseEntity.badRequest().body(problem);
    }
}
