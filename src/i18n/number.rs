//! Whole numbers as each locale writes them: its digits and its thousands separator.

/// Western digits.
pub const LATIN: [char; 10] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/// Arabic-Indic digits.
pub const ARABIC_INDIC: [char; 10] = ['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩'];

/// `n` in `digits`, with `separator` between groups of three.
pub fn grouped(n: u32, separator: char, digits: &[char; 10]) -> String {
    let decimal = n.to_string();
    let mut text = String::with_capacity(decimal.len() * 2);
    for (i, digit) in decimal.bytes().enumerate() {
        if i > 0 && (decimal.len() - i).is_multiple_of(3) {
            text.push(separator);
        }
        text.push(digits[usize::from(digit - b'0')]);
    }
    text
}

/// `x` rounded to at most two decimals (trailing zeros dropped) in `digits`, with `point`
/// before the fraction and no grouping: `3.5`, `3,5`, `٣٫٥`. Written with integer arithmetic:
/// the standard library's float formatting would add kilobytes to the widget.
pub fn decimal(x: f64, point: char, digits: &[char; 10]) -> String {
    // Saturating: limits beyond ±9e16 are not numbers anyone types.
    let hundredths = (x * 100.0).round() as i64;
    let mut text = String::new();
    if hundredths < 0 {
        text.push('-');
    }
    let hundredths = hundredths.unsigned_abs();
    let whole = hundredths / 100;
    let write = |text: &mut String, n: u64| {
        for byte in n.to_string().bytes() {
            text.push(digits[usize::from(byte - b'0')]);
        }
    };
    write(&mut text, whole);
    let fraction = hundredths % 100;
    if fraction != 0 {
        text.push(point);
        text.push(digits[(fraction / 10) as usize]);
        if !fraction.is_multiple_of(10) {
            text.push(digits[(fraction % 10) as usize]);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_keep_what_they_need() {
        assert_eq!(decimal(3.5, '.', &LATIN), "3.5");
        assert_eq!(decimal(10.0, ',', &LATIN), "10");
        assert_eq!(decimal(-0.25, ',', &LATIN), "-0,25");
        assert_eq!(decimal(3.5, '٫', &ARABIC_INDIC), "٣٫٥");
        assert_eq!(decimal(0.05, '.', &LATIN), "0.05");
        assert_eq!(decimal(1234.567, '.', &LATIN), "1234.57");
    }

    #[test]
    fn groups_of_three_from_the_right() {
        let cases = [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1_000, "1,000"),
            (12_345, "12,345"),
            (1_234_567, "1,234,567"),
            (u32::MAX, "4,294,967,295"),
        ];
        for (n, text) in cases {
            assert_eq!(grouped(n, ',', &LATIN), text);
        }
    }

    #[test]
    fn digits_are_the_locale_s() {
        assert_eq!(grouped(1_234, '٬', &ARABIC_INDIC), "١٬٢٣٤");
    }
}
