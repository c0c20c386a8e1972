//! Kubernetes resource quantities (`500m`, `16Gi`, `1e3`), parsed and compared exactly as
//! apimachinery's `resource.Quantity` does, plus the canonical forms the generators print.
//!
//! The grammar is the one documented on `resource.Quantity`:
//!
//! ```text
//! <quantity>     ::= <sign>? <number> <suffix>?
//! <number>       ::= <digits> | <digits> "." <digits>? | "." <digits>
//! <suffix>       ::= Ki | Mi | Gi | Ti | Pi | Ei          (powers of 1024)
//!                  | n | u | m | k | M | G | T | P | E   (powers of 1000)
//!                  | (e | E) <sign>? <digits>            (power of ten)
//! ```
//!
//! Values are held as an exact count of nano-units in an `i128`; like apimachinery, digits
//! finer than a nano-unit round away from zero (`1e-10` is `1n`). Where the Go parser is
//! lenient in ways nobody relies on on purpose, mlk is stricter and reports an error instead:
//! a number without any digit (`-`, `.`, `.e3`, which Go reads as zero), a magnitude above
//! 2^63-1 units (which Go silently clamps), and an exponent outside `i32` (which Go silently
//! truncates to 32 bits).
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

const NANOS_PER_UNIT: i128 = 1_000_000_000;

/// apimachinery clamps anything larger to this many units; mlk rejects it instead.
const MAX_UNITS: i128 = i64::MAX as i128;
const MAX_NANOS: i128 = MAX_UNITS * NANOS_PER_UNIT;

/// Digits of `MAX_NANOS` (9223372036854775807000000000): anything longer is too large
/// before any arithmetic is done, so no input can make the parser allocate or loop much.
const MAX_NANOS_DIGITS: usize = 28;

/// Why a string is not a Kubernetes quantity.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QuantityError {
    #[error(
        "a quantity must not be empty: use a number with an optional suffix, such as `500m`, `16Gi` or `1e3`"
    )]
    Empty,
    #[error(
        "a quantity must be a number with an optional sign, decimal point and suffix, such as `500m`, `16Gi`, `1.5` or `1e3`"
    )]
    Format,
    #[error(
        "unknown quantity suffix `{0}`: use one of Ki, Mi, Gi, Ti, Pi, Ei (powers of 1024), n, u, m, k, M, G, T, P, E (powers of 1000), or e/E followed by an integer exponent"
    )]
    Suffix(String),
    #[error("a quantity exponent must be between -2147483648 and 2147483647")]
    Exponent,
    #[error("a quantity must not exceed 9223372036854775807 (2^63-1) in absolute value")]
    TooLarge,
}

/// An exact Kubernetes quantity. Equality and order are by value, so `1Gi == 1073741824`
/// and `1000m == 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Quantity {
    nanos: i128,
}

enum Scale {
    /// Multiply by 10^n.
    Decimal(i64),
    /// Multiply by 1024^n.
    Binary(u32),
}

impl Quantity {
    /// Parses a quantity string exactly; see the module documentation for the grammar.
    pub fn parse(s: &str) -> Result<Quantity, QuantityError> {
        if s.is_empty() {
            return Err(QuantityError::Empty);
        }
        let bytes = s.as_bytes();
        let mut pos = 0;
        let negative = match bytes[0] {
            b'-' => {
                pos = 1;
                true
            }
            b'+' => {
                pos = 1;
                false
            }
            _ => false,
        };
        let int_start = pos;
        while pos < bytes.len() && bytes[pos].is_ascii_digit() {
            pos += 1;
        }
        let int_digits = &s[int_start..pos];
        let mut frac_digits = "";
        if pos < bytes.len() && bytes[pos] == b'.' {
            pos += 1;
            let frac_start = pos;
            while pos < bytes.len() && bytes[pos].is_ascii_digit() {
                pos += 1;
            }
            frac_digits = &s[frac_start..pos];
        }
        if int_digits.is_empty() && frac_digits.is_empty() {
            return Err(QuantityError::Format);
        }
        let suffix = &s[pos..];
        let scale = parse_suffix(suffix)?;

        let mut digits: Vec<u8> = int_digits
            .bytes()
            .chain(frac_digits.bytes())
            .map(|b| b - b'0')
            .collect();
        // The digits are an integer; this power of ten turns them into nano-units.
        let mut ten_power: i64 = 9 - frac_digits.len() as i64;
        let multiplier: u64 = match scale {
            Scale::Decimal(e) => {
                ten_power = ten_power.saturating_add(e);
                1
            }
            Scale::Binary(n) => 1u64 << (10 * n),
        };
        let magnitude = scale_digits(&mut digits, multiplier, ten_power)?;
        Ok(Quantity {
            nanos: if negative { -magnitude } else { magnitude },
        })
    }

    /// A quantity of `nanos` nano-units, if it is within the range a quantity can hold.
    pub fn from_nanos(nanos: i128) -> Option<Quantity> {
        (nanos.abs() <= MAX_NANOS).then_some(Quantity { nanos })
    }

    /// A quantity of `millis` thousandths (CPU millicores).
    pub fn from_millis(millis: i64) -> Quantity {
        Quantity {
            nanos: i128::from(millis) * 1_000_000,
        }
    }

    /// A whole-unit quantity (bytes, cores, GPUs).
    pub fn from_units(units: i64) -> Quantity {
        Quantity {
            nanos: i128::from(units) * NANOS_PER_UNIT,
        }
    }

    /// The exact value in nano-units.
    pub fn nanos(&self) -> i128 {
        self.nanos
    }

    pub fn is_zero(&self) -> bool {
        self.nanos == 0
    }

    pub fn is_negative(&self) -> bool {
        self.nanos < 0
    }

    /// True for whole numbers: what Kubernetes requires of extended resources such as
    /// `nvidia.com/gpu`.
    pub fn is_integer(&self) -> bool {
        self.nanos % NANOS_PER_UNIT == 0
    }

    /// The value as a float, for display and for formulas that are approximate anyway.
    pub fn as_f64(&self) -> f64 {
        self.nanos as f64 / NANOS_PER_UNIT as f64
    }

    /// The value in thousandths, rounded away from zero like apimachinery's `MilliValue`
    /// (so `1n` is `1` milli and `-1n` is `-1`).
    pub fn milli_value(&self) -> i128 {
        div_away_from_zero(self.nanos, 1_000_000)
    }

    /// The value in whole units, rounded away from zero like apimachinery's `Value`.
    pub fn value(&self) -> i128 {
        div_away_from_zero(self.nanos, NANOS_PER_UNIT)
    }

    /// The sum, or `None` when it leaves the range a quantity can hold.
    pub fn checked_add(&self, other: Quantity) -> Option<Quantity> {
        self.nanos
            .checked_add(other.nanos)
            .and_then(Quantity::from_nanos)
    }

    /// The product with a count, or `None` when it leaves the range a quantity can hold.
    pub fn checked_mul_u64(&self, factor: u64) -> Option<Quantity> {
        self.nanos
            .checked_mul(i128::from(factor))
            .and_then(Quantity::from_nanos)
    }
}

fn div_away_from_zero(value: i128, divisor: i128) -> i128 {
    let quotient = value / divisor;
    match (value % divisor).cmp(&0) {
        Ordering::Greater => quotient + 1,
        Ordering::Less => quotient - 1,
        Ordering::Equal => quotient,
    }
}

fn parse_suffix(suffix: &str) -> Result<Scale, QuantityError> {
    let scale = match suffix {
        "" => Scale::Decimal(0),
        "n" => Scale::Decimal(-9),
        "u" => Scale::Decimal(-6),
        "m" => Scale::Decimal(-3),
        "k" => Scale::Decimal(3),
        "M" => Scale::Decimal(6),
        "G" => Scale::Decimal(9),
        "T" => Scale::Decimal(12),
        "P" => Scale::Decimal(15),
        "E" => Scale::Decimal(18),
        "Ki" => Scale::Binary(1),
        "Mi" => Scale::Binary(2),
        "Gi" => Scale::Binary(3),
        "Ti" => Scale::Binary(4),
        "Pi" => Scale::Binary(5),
        "Ei" => Scale::Binary(6),
        _ => return parse_exponent(suffix).map(Scale::Decimal),
    };
    Ok(scale)
}

fn parse_exponent(suffix: &str) -> Result<i64, QuantityError> {
    // Go splits the string into a number, a run of suffix letters, an optional sign and
    // digits, and calls anything that does not have that shape a format error; only a
    // well-shaped but unknown suffix is a suffix error.
    let letters_end = suffix
        .find(|c: char| !"eEinumkKMGTP".contains(c))
        .unwrap_or(suffix.len());
    let rest = &suffix[letters_end..];
    let digits = rest.strip_prefix(['+', '-']).unwrap_or(rest);
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(QuantityError::Format);
    }
    let exponent = match suffix.strip_prefix(['e', 'E']) {
        Some(exp) if !exp.is_empty() && letters_end == 1 && !digits.is_empty() => exp,
        _ => return Err(QuantityError::Suffix(suffix.to_string())),
    };
    exponent
        .parse::<i32>()
        .map(i64::from)
        .map_err(|_| QuantityError::Exponent)
}

/// Computes `ceil(digits * multiplier * 10^ten_power)` in nano-units, exactly, with the
/// ceiling taken away from zero on the magnitude.
fn scale_digits(
    digits: &mut Vec<u8>,
    multiplier: u64,
    ten_power: i64,
) -> Result<i128, QuantityError> {
    let first_nonzero = digits.iter().position(|&d| d != 0);
    let Some(first_nonzero) = first_nonzero else {
        return Ok(0);
    };
    digits.drain(..first_nonzero);
    // Bounded: at most 19 more digits than the input.
    if multiplier != 1 {
        multiply_digits(digits, multiplier);
    }
    let len = digits.len() as i64;
    if ten_power >= 0 {
        if len.saturating_add(ten_power) > MAX_NANOS_DIGITS as i64 {
            return Err(QuantityError::TooLarge);
        }
        let mut value = digits_to_i128(digits);
        for _ in 0..ten_power {
            value *= 10;
        }
        return check_range(value);
    }
    let dropped = ten_power.unsigned_abs();
    if dropped >= len as u64 {
        // Everything is below one nano-unit, and the digits are not all zero.
        return Ok(1);
    }
    let keep = (len as u64 - dropped) as usize;
    if keep > MAX_NANOS_DIGITS {
        return Err(QuantityError::TooLarge);
    }
    let mut value = digits_to_i128(&digits[..keep]);
    if digits[keep..].iter().any(|&d| d != 0) {
        value += 1;
    }
    check_range(value)
}

fn check_range(nanos: i128) -> Result<i128, QuantityError> {
    if nanos > MAX_NANOS {
        Err(QuantityError::TooLarge)
    } else {
        Ok(nanos)
    }
}

/// Callers guarantee at most `MAX_NANOS_DIGITS` digits, which always fits an `i128`.
fn digits_to_i128(digits: &[u8]) -> i128 {
    digits
        .iter()
        .fold(0i128, |acc, &d| acc * 10 + i128::from(d))
}

/// Multiplies a big-endian decimal digit string in place.
fn multiply_digits(digits: &mut Vec<u8>, multiplier: u64) {
    let mut carry: u128 = 0;
    for d in digits.iter_mut().rev() {
        let product = u128::from(*d) * u128::from(multiplier) + carry;
        *d = (product % 10) as u8;
        carry = product / 10;
    }
    let mut prefix = Vec::new();
    while carry > 0 {
        prefix.push((carry % 10) as u8);
        carry /= 10;
    }
    prefix.reverse();
    digits.splice(0..0, prefix);
}

impl FromStr for Quantity {
    type Err = QuantityError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Quantity::parse(s)
    }
}

/// The canonical decimal form apimachinery gives a `DecimalSI` quantity: the largest
/// suffix among n, u, m, "", k, M, G, T, P, E that leaves a whole number (`1500m`, `2k`).
impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.nanos == 0 {
            return f.write_str("0");
        }
        const SUFFIXES: [&str; 10] = ["n", "u", "m", "", "k", "M", "G", "T", "P", "E"];
        let mut mantissa = self.nanos;
        let mut index = 0;
        while index + 1 < SUFFIXES.len() && mantissa % 1000 == 0 {
            mantissa /= 1000;
            index += 1;
        }
        write!(f, "{mantissa}{}", SUFFIXES[index])
    }
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Accepts a quantity string, or a plain number as Kubernetes does for `cpu: 2`.
impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl serde::de::Visitor<'_> for Visitor {
            type Value = Quantity;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Kubernetes quantity such as `500m`, `16Gi` or 2")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Quantity, E> {
                Quantity::parse(v).map_err(E::custom)
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Quantity, E> {
                Ok(Quantity::from_units(v))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Quantity, E> {
                let nanos = i128::from(v) * NANOS_PER_UNIT;
                Quantity::from_nanos(nanos).ok_or_else(|| E::custom(QuantityError::TooLarge))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Quantity, E> {
                if !v.is_finite() {
                    return Err(E::custom(QuantityError::Format));
                }
                // Rust prints floats without an exponent, which the quantity grammar reads
                // back exactly.
                Quantity::parse(&v.to_string()).map_err(E::custom)
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

impl schemars::JsonSchema for Quantity {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Quantity".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A Kubernetes quantity such as `500m`, `16Gi` or `2`",
            "anyOf": [
                {
                    "type": "string",
                    "pattern": r"^[+-]?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$"
                },
                { "type": "number" }
            ]
        })
    }
}

/// CPU millicores in the form people write: whole cores when exact (`4`), else `500m`.
pub fn format_cpu_millis(millis: u64) -> String {
    if millis.is_multiple_of(1000) {
        (millis / 1000).to_string()
    } else {
        format!("{millis}m")
    }
}

/// The largest byte count [`format_bytes`] writes exactly: the largest whole number of
/// MiB a Kubernetes quantity can hold (8 EiB less 1 MiB).
pub const MAX_FORMATTED_BYTES: u64 = (i64::MAX as u64) & !((1 << 20) - 1);

/// Bytes rounded up to a whole MiB and written with the largest binary suffix that keeps
/// the number whole (`16Gi`, `1536Mi`). Memory requests are rounded up, never down, so a
/// request computed by a formula is never smaller than the formula's result.
///
/// A Kubernetes quantity cannot hold more than [`MAX_FORMATTED_BYTES`] in whole MiB, so
/// larger inputs are written as that maximum; callers that compute sizes (the sizing
/// formulas) reject such values before they get here.
pub fn format_bytes(bytes: u64) -> String {
    const SUFFIXES: [&str; 5] = ["Mi", "Gi", "Ti", "Pi", "Ei"];
    let mut value = bytes.min(MAX_FORMATTED_BYTES).div_ceil(1 << 20);
    if value == 0 {
        return "0".to_string();
    }
    let mut index = 0;
    while index + 1 < SUFFIXES.len() && value.is_multiple_of(1024) {
        value /= 1024;
        index += 1;
    }
    format!("{value}{}", SUFFIXES[index])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn nanos(s: &str) -> i128 {
        match Quantity::parse(s) {
            Ok(q) => q.nanos(),
            Err(e) => panic!("`{s}` should parse: {e}"),
        }
    }

    #[track_caller]
    fn err(s: &str) -> QuantityError {
        match Quantity::parse(s) {
            Ok(q) => panic!("`{s}` should not parse, got {} nanos", q.nanos()),
            Err(e) => e,
        }
    }

    const G: i128 = 1_000_000_000;

    #[test]
    fn plain_numbers() {
        assert_eq!(nanos("0"), 0);
        assert_eq!(nanos("1"), G);
        assert_eq!(nanos("+1"), G);
        assert_eq!(nanos("-1"), -G);
        assert_eq!(nanos("007"), 7 * G);
        assert_eq!(nanos("1.5"), 1_500_000_000);
        assert_eq!(nanos(".5"), 500_000_000);
        assert_eq!(nanos("5."), 5 * G);
        assert_eq!(nanos("-0"), 0);
        assert_eq!(nanos("00.000"), 0);
    }

    #[test]
    fn decimal_suffixes() {
        assert_eq!(nanos("1n"), 1);
        assert_eq!(nanos("1u"), 1_000);
        assert_eq!(nanos("500m"), 500_000_000);
        assert_eq!(nanos("2k"), 2_000 * G);
        assert_eq!(nanos("3M"), 3_000_000 * G);
        assert_eq!(nanos("1G"), 1_000_000_000 * G);
        assert_eq!(nanos("1T"), 1_000_000_000_000 * G);
        assert_eq!(nanos("1P"), 1_000_000_000_000_000 * G);
        assert_eq!(nanos("1E"), 1_000_000_000_000_000_000 * G);
        assert_eq!(nanos("1.5k"), 1_500 * G);
        assert_eq!(nanos("0.5m"), 500_000);
    }

    #[test]
    fn binary_suffixes() {
        assert_eq!(nanos("1Ki"), 1024 * G);
        assert_eq!(nanos("1Mi"), 1_048_576 * G);
        assert_eq!(nanos("16Gi"), 17_179_869_184 * G);
        assert_eq!(nanos("1Ti"), 1_099_511_627_776 * G);
        assert_eq!(nanos("1Pi"), 1_125_899_906_842_624 * G);
        assert_eq!(nanos("1Ei"), 1_152_921_504_606_846_976 * G);
        assert_eq!(nanos("1.5Gi"), 1_610_612_736 * G);
        // 0.1 * 1024 = 102.4 exactly
        assert_eq!(nanos("0.1Ki"), 102_400_000_000);
    }

    #[test]
    fn exponents() {
        assert_eq!(nanos("1e3"), 1000 * G);
        assert_eq!(nanos("1E3"), 1000 * G);
        assert_eq!(nanos("1e+3"), 1000 * G);
        assert_eq!(nanos("1e-3"), 1_000_000);
        assert_eq!(nanos("1.5e2"), 150 * G);
        assert_eq!(nanos("1.e3"), 1000 * G);
        assert_eq!(nanos("1E-3"), 1_000_000);
        assert_eq!(nanos("0e2147483647"), 0);
        assert_eq!(nanos("0e-2147483648"), 0);
    }

    #[test]
    fn sub_nano_digits_round_away_from_zero() {
        assert_eq!(nanos("1e-10"), 1);
        assert_eq!(nanos("-1e-10"), -1);
        assert_eq!(nanos("0.0000000001"), 1);
        assert_eq!(nanos("1.0000000001"), G + 1);
        assert_eq!(nanos("1.0000000000"), G);
        assert_eq!(nanos("1e-2147483648"), 1);
        // 0.000000000001 Ki = 1.024e-9: one nano-unit and a remainder, so two
        assert_eq!(nanos("0.000000000001Ki"), 2);
        // 0.0009765625 Ki is exactly 1
        assert_eq!(nanos("0.0009765625Ki"), G);
    }

    #[test]
    fn long_inputs_stay_exact() {
        let long_fraction = format!("1.{}1", "0".repeat(200));
        assert_eq!(nanos(&long_fraction), G + 1);
        let long_zeros = format!("{}1", "0".repeat(500));
        assert_eq!(nanos(&long_zeros), G);
        let long_fraction_ki = format!("1.{}1Ki", "0".repeat(60));
        assert_eq!(nanos(&long_fraction_ki), 1024 * G + 1);
    }

    #[test]
    fn the_largest_value_is_the_int64_bound() {
        assert_eq!(nanos("9223372036854775807"), MAX_NANOS);
        assert_eq!(nanos("-9223372036854775807"), -MAX_NANOS);
        assert_eq!(err("9223372036854775808"), QuantityError::TooLarge);
        assert_eq!(err("8Ei"), QuantityError::TooLarge);
        assert_eq!(nanos("7Ei"), 7 * 1_152_921_504_606_846_976 * G);
        assert_eq!(err("10E"), QuantityError::TooLarge);
        assert_eq!(err("1e19"), QuantityError::TooLarge);
        assert_eq!(err("1e2147483647"), QuantityError::TooLarge);
        assert_eq!(err(&"9".repeat(100)), QuantityError::TooLarge);
        assert_eq!(
            err(&format!("{}.5", "9".repeat(40))),
            QuantityError::TooLarge
        );
    }

    #[test]
    fn malformed_inputs_are_rejected() {
        assert_eq!(err(""), QuantityError::Empty);
        for s in [
            "1.5.5", "10gb", "1KI", " 1", "1 ", "1 Ki", "-", "+", ".", "-.", ".e3", "Ki", "1..5",
            "1.1.M", "1+1.0M", "++1", "1,5", "1_000", "0x10", "1/2", "Inf", "NaN", "aoeu", "1e1.5",
            "1e3e", "1e+-3", "1E3Ki", "1KiB",
        ] {
            assert_eq!(Quantity::parse(s), Err(QuantityError::Format), "{s:?}");
        }
    }

    #[test]
    fn unknown_suffixes_are_rejected() {
        for s in [
            "1K", "1ki", "1i", ".5i", "-3.01i", "0.1mi", "1e", "1e+", "1e-", "-3.01e-", "1ee3",
            "1Ki1", "1mE3", "1Mi3", "1-",
        ] {
            assert!(
                matches!(Quantity::parse(s), Err(QuantityError::Suffix(_))),
                "{s:?} gave {:?}",
                Quantity::parse(s)
            );
        }
        assert_eq!(err("1e99999999999"), QuantityError::Exponent);
        assert_eq!(err("1e2147483648"), QuantityError::Exponent);
    }

    #[test]
    fn non_ascii_is_rejected_without_panicking() {
        for s in ["1µ", "1μ", "１", "٣", "−1", "1\0", "1é", "é"] {
            assert!(Quantity::parse(s).is_err(), "{s:?}");
        }
    }

    #[test]
    fn error_messages_say_what_is_allowed() {
        let msg = err("10gb").to_string();
        assert!(msg.starts_with("a quantity must be a number"), "{msg}");
        assert!(!msg.ends_with('.'));
        assert_eq!(err("1KI"), QuantityError::Format);
        let msg = err("1K").to_string();
        assert!(msg.starts_with("unknown quantity suffix `K`"), "{msg}");
    }

    #[test]
    fn order_and_equality_are_by_value() {
        let q = |s: &str| Quantity::parse(s).unwrap();
        assert_eq!(q("1Gi"), q("1073741824"));
        assert_eq!(q("1000m"), q("1"));
        assert_eq!(q("1e3"), q("1k"));
        assert!(q("1Gi") > q("1G"));
        assert!(q("999m") < q("1"));
        assert!(q("-1") < q("0"));
        assert!(q("1Ki") > q("1.001k"));
        assert!(q("1Ki") < q("1.025k"));
    }

    #[test]
    fn accessors_round_like_apimachinery() {
        let q = |s: &str| Quantity::parse(s).unwrap();
        assert!(q("2").is_integer());
        assert!(q("2000m").is_integer());
        assert!(!q("0.5").is_integer());
        assert!(!q("1n").is_integer());
        assert_eq!(q("1n").milli_value(), 1);
        assert_eq!(q("-1n").milli_value(), -1);
        assert_eq!(q("1500u").milli_value(), 2);
        assert_eq!(q("250m").milli_value(), 250);
        assert_eq!(q("1.5").value(), 2);
        assert_eq!(q("-1.5").value(), -2);
        assert_eq!(q("16Gi").value(), 17_179_869_184);
        assert_eq!(q("0").value(), 0);
        assert_eq!(q("250m").as_f64(), 0.25);
        assert_eq!(q("1Ki").as_f64(), 1024.0);
    }

    #[test]
    fn checked_arithmetic_stops_at_the_bound() {
        let q = |s: &str| Quantity::parse(s).unwrap();
        assert_eq!(q("1Gi").checked_add(q("512Mi")), Some(q("1.5Gi")));
        assert_eq!(q("500m").checked_mul_u64(3), Some(q("1500m")));
        assert_eq!(q("4Ei").checked_add(q("4Ei")), None);
        assert_eq!(q("4Ei").checked_mul_u64(2), None);
        assert_eq!(q("1").checked_mul_u64(u64::MAX), None);
        assert_eq!(Quantity::from_nanos(i128::MAX), None);
        assert_eq!(Quantity::from_millis(1500), q("1.5"));
        assert_eq!(Quantity::from_units(-3), q("-3"));
    }

    #[test]
    fn display_is_the_canonical_decimal_form() {
        let shown = |s: &str| Quantity::parse(s).unwrap().to_string();
        assert_eq!(shown("0"), "0");
        assert_eq!(shown("1500m"), "1500m");
        assert_eq!(shown("1.5"), "1500m");
        assert_eq!(shown("2000"), "2k");
        assert_eq!(shown("1Ki"), "1024");
        assert_eq!(shown("1e-9"), "1n");
        assert_eq!(shown("-0.5"), "-500m");
        assert_eq!(shown("1e18"), "1E");
        assert_eq!(shown("5e18"), "5E");
    }

    #[test]
    fn serde_round_trip() {
        let q: Quantity = serde_json::from_str("\"16Gi\"").unwrap();
        assert_eq!(q, Quantity::parse("16Gi").unwrap());
        let q: Quantity = serde_json::from_str("2").unwrap();
        assert_eq!(q, Quantity::from_units(2));
        let q: Quantity = serde_json::from_str("0.5").unwrap();
        assert_eq!(q, Quantity::from_millis(500));
        assert!(serde_json::from_str::<Quantity>("\"10gb\"").is_err());
        assert!(serde_json::from_str::<Quantity>("true").is_err());
        assert_eq!(
            serde_json::to_string(&Quantity::from_millis(1500)).unwrap(),
            "\"1500m\""
        );
    }

    #[test]
    fn cpu_millis_format() {
        assert_eq!(format_cpu_millis(500), "500m");
        assert_eq!(format_cpu_millis(4000), "4");
        assert_eq!(format_cpu_millis(0), "0");
        assert_eq!(format_cpu_millis(7648), "7648m");
        assert_eq!(format_cpu_millis(1), "1m");
    }

    #[test]
    fn bytes_format_rounds_up_to_whole_mebibytes() {
        const GI: u64 = 1 << 30;
        const MI: u64 = 1 << 20;
        assert_eq!(format_bytes(16 * GI), "16Gi");
        assert_eq!(format_bytes(GI + GI / 2), "1536Mi");
        assert_eq!(format_bytes(0), "0");
        assert_eq!(format_bytes(1), "1Mi");
        assert_eq!(format_bytes(MI), "1Mi");
        assert_eq!(format_bytes(MI + 1), "2Mi");
        assert_eq!(format_bytes(1024 * GI), "1Ti");
        assert_eq!(format_bytes(112_000_000_000), "106812Mi");
        assert_eq!(format_bytes(MAX_FORMATTED_BYTES), "8796093022207Mi");
        assert_eq!(format_bytes(MAX_FORMATTED_BYTES + 1), "8796093022207Mi");
        assert_eq!(format_bytes(u64::MAX), "8796093022207Mi");
        assert!(Quantity::parse("8796093022207Mi").is_ok());
        assert!(Quantity::parse("8796093022208Mi").is_err());
        // Every formatted value parses back to at least the input.
        for bytes in [1, 999_999, 16 * GI + 1, 123_456_789_012] {
            let q = Quantity::parse(&format_bytes(bytes)).unwrap();
            assert!(q.value() >= i128::from(bytes));
            assert!(q.value() - i128::from(bytes) < i128::from(MI));
        }
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC{0,40}") {
            let _ = Quantity::parse(&s);
        }

        #[test]
        fn parse_never_panics_on_near_misses(
            s in "[+-]?[0-9]{0,30}(\\.[0-9]{0,30})?([eE][+-]?[0-9]{0,12}|[KMGTPE]i|[numkKMGTPEi]{0,2})[0-9.+-]?"
        ) {
            let _ = Quantity::parse(&s);
        }

        #[test]
        fn integers_parse_exactly(n in -i64::MAX..=i64::MAX) {
            proptest::prop_assert_eq!(Quantity::parse(&n.to_string()), Ok(Quantity::from_units(n)));
        }

        #[test]
        fn display_round_trips(nanos in -MAX_NANOS..=MAX_NANOS) {
            let q = Quantity { nanos };
            proptest::prop_assert_eq!(Quantity::parse(&q.to_string()), Ok(q));
        }

        #[test]
        fn formatted_bytes_cover_the_input(bytes in 0..=MAX_FORMATTED_BYTES) {
            let q = Quantity::parse(&format_bytes(bytes)).unwrap();
            let input = i128::from(bytes);
            proptest::prop_assert!(q.value() >= input && q.value() - input < 1 << 20);
        }
    }
}
