package org.imarchive.supervision.policy;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/**
 * A check digit test a regex match must pass before it counts, so that any 16 digits (an order number, a phone number)
 * do not flag as a card number: only about one random number in ten passes Luhn, one in 97 passes an IBAN check.
 */
public enum Validator {

    /** Payment card number (ISO/IEC 7812): 13 to 19 digits passing the Luhn check, not all one digit. */
    LUHN("luhn") {
        @Override
        public boolean accepts(CharSequence match) {
            String digits = digitsOf(match);
            if (digits.length() < 13 || digits.length() > 19 || digits.chars().distinct().count() == 1) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < digits.length(); i++) {
                int digit = digits.charAt(digits.length() - 1 - i) - '0';
                if (i % 2 == 1) {
                    digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
                }
                sum += digit;
            }
            return sum % 10 == 0;
        }
    },

    /** International Bank Account Number (ISO 13616): country, two check digits, up to 30 more; mod 97 is 1. */
    IBAN("iban") {
        @Override
        public boolean accepts(CharSequence match) {
            StringBuilder iban = new StringBuilder();
            match.chars().filter(Character::isLetterOrDigit).forEach(c -> iban.append(Character.toUpperCase((char) c)));
            if (iban.length() < 15 || iban.length() > 34 || !Character.isLetter(iban.charAt(0))
                    || !Character.isLetter(iban.charAt(1)) || !Character.isDigit(iban.charAt(2)) || !Character.isDigit(iban.charAt(3))) {
                return false;
            }
            String rearranged = iban.substring(4) + iban.substring(0, 4);
            int remainder = 0;
            for (int i = 0; i < rearranged.length(); i++) {
                int value = Character.digit(rearranged.charAt(i), 36);
                if (value < 0) {
                    return false;
                }
                remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
            }
            return remainder == 1;
        }
    },

    /** US bank routing (ABA) number: 9 digits, weighted 3-7-1 checksum divisible by 10, not all zero. */
    ABA_ROUTING("aba-routing") {
        @Override
        public boolean accepts(CharSequence match) {
            String digits = digitsOf(match);
            if (digits.length() != 9 || digits.equals("000000000")) {
                return false;
            }
            int[] weights = {3, 7, 1};
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * weights[i % 3];
            }
            return sum % 10 == 0;
        }
    };

    private final String wireName;

    Validator(String wireName) {
        this.wireName = wireName;
    }

    /** Whether the matched text passes this check; separators and surrounding words in the match are ignored. */
    public abstract boolean accepts(CharSequence match);

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<Validator> fromWireName(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(name)).findFirst();
    }

    private static String digitsOf(CharSequence match) {
        StringBuilder digits = new StringBuilder(match.length());
        match.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        return digits.toString();
    }
}
