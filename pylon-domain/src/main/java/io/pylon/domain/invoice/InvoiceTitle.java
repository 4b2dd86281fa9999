package io.pylon.domain.invoice;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whom the invoice is made out to (发票抬头): a company with its taxpayer number, or a person.
 *
 * @param taxNumber a company's taxpayer identification number (纳税人识别号): 15, 18 (unified social credit code)
 *                  or 20 letters and digits, kept in upper case; null for a person
 */
public record InvoiceTitle(Kind kind, String name, String taxNumber) {

    public enum Kind { COMPANY, PERSONAL }

    static final int MAX_NAME = 200;
    private static final Pattern TAX_NUMBER = Pattern.compile("[0-9A-Z]{15}|[0-9A-Z]{18}|[0-9A-Z]{20}");

    public InvoiceTitle {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("title: must not be blank");
        name = name.strip();
        if (name.length() > MAX_NAME) throw new IllegalArgumentException("title: at most " + MAX_NAME + " characters");
        taxNumber = taxNumber == null || taxNumber.isBlank() ? null : taxNumber.strip().toUpperCase(Locale.ROOT);
        if (kind == Kind.COMPANY) {
            if (taxNumber == null) throw new IllegalArgumentException("taxNumber: a company title needs its tax number");
            if (!TAX_NUMBER.matcher(taxNumber).matches()) {
                throw new IllegalArgumentException("taxNumber: 15, 18 or 20 letters and digits");
            }
        } else if (taxNumber != null) {
            throw new IllegalArgumentException("taxNumber: only a company title has a tax number");
        }
    }
}
