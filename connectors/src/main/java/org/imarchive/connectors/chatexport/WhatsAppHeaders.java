package org.imarchive.connectors.chatexport;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the message headers of a WhatsApp export. The format follows the exporting phone's locale and the file does
 * not say which, so it is decided from the whole file: the header shape most lines share, the day/month order from
 * values above 12 (or, failing that, from which order keeps the messages in time order), the AM/PM words in any
 * spelling. A line that only looks like a header (a header pasted into a message) but does not fit is not one.
 */
final class WhatsAppHeaders {

    /** A header line: when it was written (phone-local) and what follows the header. */
    record Header(LocalDateTime localTime, String rest, boolean ios) {
    }

    /** The headers by line index, and the header-like lines that did not fit the file's format. */
    record Detected(Map<Integer, Header> headers, List<Integer> misfits, List<String> warnings) {
    }

    private enum DateOrder { DAY_MONTH, MONTH_DAY, YEAR_FIRST }

    private static final String B = ExportText.BIDI_CLASS + "*";
    private static final String SP = "[ \\u00A0\\u202F]";
    private static final String DATE = "(?<d1>\\d{1,4})(?<ds>[./-])(?<d2>\\d{1,2})\\k<ds>(?<d3>\\d{2,4})\\.?";
    /** ", " in most locales, a plain space in some (es, iOS de), "klo" in Finnish. */
    private static final String DATE_TIME = "(?<dts>,?" + SP + "+(?:klo" + SP + "+)?)";
    /** Seconds only on iOS; "." as time separator in Finnish; a trailing "." in some (ja, zh: {@code 13:34. - }). */
    private static final String TIME = "(?<h>\\d{1,2})(?<ts>[:.])(?<mi>\\d{2})(?:\\k<ts>(?<s>\\d{2}))?(?<tdot>\\.)?";
    /** AM/PM in any spelling: {@code PM}, {@code p. m.}, {@code p.\u00a0m.}, {@code nachm.}, after any kind of space. */
    private static final String MERIDIEM = "(?:" + SP + "*(?<mer>\\p{L}[\\p{L}.\\u00A0\\u202F ]{0,10}?))?";
    private static final String STAMP = DATE + DATE_TIME + B + TIME + MERIDIEM + B;
    private static final Pattern ANDROID = Pattern.compile("^" + B + STAMP + SP + "+[-\\u2013]" + SP + "(?<rest>.*)$");
    private static final Pattern IOS = Pattern.compile("^" + B + "\\[" + B + STAMP + "\\]" + SP + "(?<rest>.*)$");

    /** Normalized (letters only, lower case) AM and PM words; en, es and de are documented, the others inferred. */
    private static final Set<String> AM = Set.of("am", "a", "vorm", "fm", "ap", "dop", "πμ");
    private static final Set<String> PM = Set.of("pm", "p", "nachm", "em", "ip", "odp", "μμ");

    private record Candidate(int line, String shape, String d1, String d2, String d3, int hour, int minute, int second,
                             String meridiem, String rest, boolean ios) {
    }

    private WhatsAppHeaders() {
    }

    static Detected detect(List<String> lines) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Candidate candidate = match(i, lines.get(i));
            if (candidate != null) {
                candidates.add(candidate);
            }
        }
        if (candidates.isEmpty()) {
            throw new ImportRejectedException("not a WhatsApp chat export: no line starts with a message date and time");
        }
        String shape = dominantShape(candidates);
        List<Candidate> usable = new ArrayList<>();
        String unknownMeridiem = null;
        for (Candidate candidate : candidates) {
            if (!candidate.shape().equals(shape)) {
                continue;
            }
            if (candidate.meridiem() != null && meridiemOffset(candidate.meridiem()) == null) {
                unknownMeridiem = unknownMeridiem == null ? candidate.meridiem() : unknownMeridiem;
                continue;
            }
            if (validTime(candidate)) {
                usable.add(candidate);
            }
        }
        if (usable.isEmpty()) {
            throw new ImportRejectedException(unknownMeridiem != null
                    ? "unsupported WhatsApp export format: the AM/PM marker '" + unknownMeridiem + "' is not one we know"
                    : "not a WhatsApp chat export: no line has a valid message date and time");
        }

        List<String> warnings = new ArrayList<>();
        DateOrder order = dateOrder(usable, warnings);
        Map<Integer, Header> headers = new LinkedHashMap<>();
        for (Candidate candidate : usable) {
            LocalDateTime time = localTime(candidate, order);
            if (time != null) {
                headers.put(candidate.line(), new Header(time, candidate.rest(), candidate.ios()));
            }
        }
        if (headers.isEmpty()) {
            throw new ImportRejectedException("not a WhatsApp chat export: no line has a valid message date");
        }
        List<Integer> misfits = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (!headers.containsKey(candidate.line())) {
                misfits.add(candidate.line());
            }
        }
        return new Detected(headers, misfits, warnings);
    }

    private static Candidate match(int line, String text) {
        boolean ios = true;
        Matcher m = IOS.matcher(text);
        if (!m.matches()) {
            ios = false;
            m = ANDROID.matcher(text);
            if (!m.matches()) {
                return null;
            }
        }
        String dts = m.group("dts");
        boolean yearFirst = m.group("d1").length() == 4;
        String shape = String.join("|",
                ios ? "ios" : "android",
                m.group("ds"),
                yearFirst ? "Y" : "y" + m.group("d3").length(),
                dts.contains(",") ? "comma" : "",
                dts.contains("klo") ? "klo" : "",
                m.group("ts"),
                m.group("s") != null ? "seconds" : "",
                m.group("tdot") != null ? "dot" : "",
                m.group("mer") != null ? "12h" : "24h");
        return new Candidate(line, shape, m.group("d1"), m.group("d2"), m.group("d3"),
                Integer.parseInt(m.group("h")), Integer.parseInt(m.group("mi")),
                m.group("s") == null ? 0 : Integer.parseInt(m.group("s")),
                m.group("mer"), m.group("rest"), ios);
    }

    private static String dominantShape(List<Candidate> candidates) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            counts.merge(candidate.shape(), 1, Integer::sum);
        }
        // the first shape seen wins a tie: the map keeps first-seen order and only a larger count replaces it
        String best = null;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (best == null || entry.getValue() > counts.get(best)) {
                best = entry.getKey();
            }
        }
        return best;
    }

    /** Hours to add for the meridiem word (0 or 12), or null for a word we do not know. */
    private static Integer meridiemOffset(String meridiem) {
        String word = meridiem.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
        if (AM.contains(word)) {
            return 0;
        }
        return PM.contains(word) ? 12 : null;
    }

    private static boolean validTime(Candidate c) {
        boolean hourOk = c.meridiem() == null ? c.hour() <= 23 : c.hour() >= 1 && c.hour() <= 12;
        return hourOk && c.minute() <= 59 && c.second() <= 59;
    }

    private static DateOrder dateOrder(List<Candidate> usable, List<String> warnings) {
        if (usable.get(0).d1().length() == 4) {
            return DateOrder.YEAR_FIRST;
        }
        int dayFirst = 0;
        int monthFirst = 0;
        for (Candidate c : usable) {
            int first = Integer.parseInt(c.d1());
            int second = Integer.parseInt(c.d2());
            if (first > 12 && second <= 12) {
                dayFirst++;
            } else if (second > 12 && first <= 12) {
                monthFirst++;
            }
        }
        if (dayFirst > 0 && monthFirst > 0) {
            warnings.add("some headers read day/month and some month/day; the order most of them need was used");
        }
        if (dayFirst != monthFirst) {
            return dayFirst > monthFirst ? DateOrder.DAY_MONTH : DateOrder.MONTH_DAY;
        }
        // No day above 12 anywhere: an export lists messages in time order, so the order that keeps it so is right.
        int dayMonthInversions = inversions(usable, DateOrder.DAY_MONTH);
        int monthDayInversions = inversions(usable, DateOrder.MONTH_DAY);
        if (dayMonthInversions != monthDayInversions) {
            return dayMonthInversions < monthDayInversions ? DateOrder.DAY_MONTH : DateOrder.MONTH_DAY;
        }
        DateOrder assumed = usesPlainAmPmWithSlashes(usable) ? DateOrder.MONTH_DAY : DateOrder.DAY_MONTH;
        warnings.add("the day/month order cannot be told from this file (no day above 12, no time-order evidence); assumed "
                + (assumed == DateOrder.MONTH_DAY ? "month/day as en-US writes it" : "day/month"));
        return assumed;
    }

    /** en-US, the one common locale writing month first, uses slashes and a bare AM/PM. */
    private static boolean usesPlainAmPmWithSlashes(List<Candidate> usable) {
        Candidate first = usable.get(0);
        return first.shape().contains("|/|") && first.meridiem() != null
                && first.meridiem().replaceAll("[\\s\\u00A0\\u202F]", "").matches("(?i)AM|PM");
    }

    private static int inversions(List<Candidate> usable, DateOrder order) {
        int count = 0;
        LocalDateTime previous = null;
        for (Candidate c : usable) {
            LocalDateTime time = localTime(c, order);
            if (time == null) {
                continue;
            }
            if (previous != null && time.isBefore(previous)) {
                count++;
            }
            previous = time;
        }
        return count;
    }

    private static LocalDateTime localTime(Candidate c, DateOrder order) {
        int a = Integer.parseInt(c.d1());
        int b = Integer.parseInt(c.d2());
        int y;
        int month;
        int day;
        switch (order) {
            case YEAR_FIRST -> {
                y = a;
                month = b;
                day = Integer.parseInt(c.d3());
            }
            case DAY_MONTH -> {
                day = a;
                month = b;
                y = year(c.d3());
            }
            default -> {
                month = a;
                day = b;
                y = year(c.d3());
            }
        }
        int hour = c.hour();
        if (c.meridiem() != null) {
            hour = hour % 12 + meridiemOffset(c.meridiem());
        }
        try {
            return LocalDateTime.of(y, month, day, hour, c.minute(), c.second());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Two-digit years are this century's: WhatsApp exists since 2009. */
    private static int year(String digits) {
        int value = Integer.parseInt(digits);
        return digits.length() == 2 ? 2000 + value : value;
    }
}
