//! Checking a submission against its form: the same code in the widget, before it sends, and
//! on the server, before it stores.

use std::collections::HashSet;

use crate::form::date::Day;
use crate::form::schema::{ChoiceOption, Field, FieldKind, FormSchema};
use crate::form::submission::{Answer, Submission};
use crate::validate::{self, FieldErrors};

impl FormSchema {
    /// Checks `answers` against the fields asked (see [`FormSchema::asked`]), answering the
    /// cleaned submission (text trimmed, blank optional answers and answers to questions not
    /// asked dropped) or per-field codes keyed by field name: `required`, `too_long`,
    /// `too_short`, `invalid_format`, `invalid_email`, `invalid_url`, `invalid_date`,
    /// `not_an_option`, `duplicate`,
    /// `out_of_range`, `too_few`, `too_many`, `consent_required`, `unknown_field`,
    /// `wrong_type`, and for images `unsupported_type` or `too_large`.
    pub fn validate(&self, answers: &Submission) -> Result<Submission, FieldErrors> {
        let mut errors = FieldErrors::new();
        for name in answers.keys().filter(|name| self.field(name).is_none()) {
            validate::push(&mut errors, name, validate::UNKNOWN_FIELD);
        }
        let asked = self.asked(answers);
        let mut clean = Submission::new();
        // A question not asked is neither checked nor kept.
        for field in self
            .fields
            .iter()
            .filter(|f| asked.contains(f.name.as_str()))
        {
            let answer = answers
                .get(&field.name)
                .and_then(|answer| trimmed(answer, field));
            match answer {
                // A passage or a page break is read, not answered.
                Some(_) if !field.kind.takes_answer() => {
                    validate::push(&mut errors, &field.name, validate::WRONG_TYPE);
                }
                Some(answer) => {
                    if let Err(code) = check(field, &answer) {
                        validate::push(&mut errors, &field.name, code);
                    }
                    clean.insert(field.name.clone(), answer);
                }
                None if field.required => {
                    let code = match field.kind {
                        FieldKind::Consent { .. } => validate::CONSENT_REQUIRED,
                        _ => validate::REQUIRED,
                    };
                    validate::push(&mut errors, &field.name, code);
                }
                None => {}
            }
        }
        validate::finish(errors).map(|()| clean)
    }

    /// The names of the fields asked, given `answers`: those without a condition, and those
    /// whose condition the answers to the fields asked before them meet (text trimmed, blank
    /// answers left out, as they are kept).
    pub fn asked(&self, answers: &Submission) -> HashSet<&str> {
        let mut asked = HashSet::new();
        let mut so_far = Submission::new();
        for field in &self.fields {
            if field.show_if.as_ref().is_none_or(|c| c.holds(&so_far)) {
                asked.insert(field.name.as_str());
                if let Some(answer) = answers.get(&field.name).and_then(|a| trimmed(a, field)) {
                    so_far.insert(field.name.clone(), answer);
                }
            }
        }
        asked
    }
}

/// The answer with text trimmed, or `None` when it says nothing: blank text, an empty list,
/// or a consent not given.
fn trimmed(answer: &Answer, field: &Field) -> Option<Answer> {
    match answer {
        Answer::Text(text) => {
            let text = text.trim();
            (!text.is_empty()).then(|| Answer::Text(text.to_owned()))
        }
        Answer::List(values) if values.is_empty() => None,
        Answer::List(values) => Some(Answer::List(
            values.iter().map(|value| value.trim().to_owned()).collect(),
        )),
        Answer::Bool(false) if matches!(field.kind, FieldKind::Consent { .. }) => None,
        other => Some(other.clone()),
    }
}

/// Checks one present answer against its field, answering the first rule it breaks.
fn check(field: &Field, answer: &Answer) -> Result<(), &'static str> {
    // JSON has no such numbers, but a caller in Rust may pass one.
    if matches!(answer, Answer::Number(number) if !number.is_finite()) {
        return Err(validate::WRONG_TYPE);
    }
    match (&field.kind, answer) {
        (
            FieldKind::ShortText { .. }
            | FieldKind::LongText { .. }
            | FieldKind::Email
            | FieldKind::Url
            | FieldKind::Hidden { .. },
            Answer::Text(text),
        ) => {
            let max = field.kind.max_chars().unwrap_or(usize::MAX);
            let chars = text.chars().count();
            if chars > max {
                Err(validate::TOO_LONG)
            } else if chars < field.kind.min_chars() {
                Err(validate::TOO_SHORT)
            } else if matches!(&field.kind, FieldKind::ShortText { format: Some(format), .. } if !format.matches(text))
            {
                Err(validate::INVALID_FORMAT)
            } else if matches!(field.kind, FieldKind::Email) && !is_email(text) {
                Err(validate::INVALID_EMAIL)
            } else if matches!(field.kind, FieldKind::Url) && !is_web_url(text) {
                Err(validate::INVALID_URL)
            } else {
                Ok(())
            }
        }
        (FieldKind::Date { min, max }, Answer::Text(text)) => {
            let Some(day) = Day::parse(text) else {
                return Err(validate::INVALID_DATE);
            };
            let bound = |limit: &Option<String>| limit.as_deref().and_then(Day::parse);
            let early = bound(min).is_some_and(|min| day < min);
            let late = bound(max).is_some_and(|max| day > max);
            if early || late {
                Err(validate::OUT_OF_RANGE)
            } else {
                Ok(())
            }
        }
        (FieldKind::Number { min, max }, Answer::Number(number)) => {
            let below = min.is_some_and(|min| *number < min);
            let above = max.is_some_and(|max| *number > max);
            if below || above {
                Err(validate::OUT_OF_RANGE)
            } else {
                Ok(())
            }
        }
        (FieldKind::Rating { max }, Answer::Number(number)) => {
            whole_within(*number, 1.0, f64::from(*max))
        }
        (FieldKind::Nps, Answer::Number(number)) => whole_within(*number, 0.0, 10.0),
        (FieldKind::SingleChoice { options, .. }, Answer::Text(value)) => {
            if is_option(options, value) {
                Ok(())
            } else {
                Err(validate::NOT_AN_OPTION)
            }
        }
        (FieldKind::MultipleChoice { options, min, max }, Answer::List(values)) => {
            let mut seen = HashSet::new();
            if values.iter().any(|value| !is_option(options, value)) {
                Err(validate::NOT_AN_OPTION)
            } else if !values.iter().all(|value| seen.insert(value)) {
                Err(validate::DUPLICATE)
            } else if values.len() < *min as usize {
                Err(validate::TOO_FEW)
            } else if max.is_some_and(|max| values.len() > max as usize) {
                Err(validate::TOO_MANY)
            } else {
                Ok(())
            }
        }
        (FieldKind::Consent { .. }, Answer::Bool(_)) => Ok(()),
        (FieldKind::Image { accept, max_bytes }, Answer::Image(image)) => {
            if !accepts(accept, &image.media_type) {
                Err(validate::UNSUPPORTED_TYPE)
            } else if image.bytes > *max_bytes {
                Err(validate::TOO_LARGE)
            } else {
                Ok(())
            }
        }
        _ => Err(validate::WRONG_TYPE),
    }
}

/// Checks a score: a whole number from `lowest` to `highest`.
fn whole_within(number: f64, lowest: f64, highest: f64) -> Result<(), &'static str> {
    if number.fract() != 0.0 {
        Err(validate::WRONG_TYPE)
    } else if !(lowest..=highest).contains(&number) {
        Err(validate::OUT_OF_RANGE)
    } else {
        Ok(())
    }
}

/// Whether an image field accepting `accept` takes a file of `media_type`: the type listed
/// (in any case), or `image/*` listed and an image type.
fn accepts(accept: &[String], media_type: &str) -> bool {
    accept.iter().any(|listed| {
        listed.eq_ignore_ascii_case(media_type)
            || (listed == "image/*" && media_type.to_ascii_lowercase().starts_with("image/"))
    })
}

fn is_option(options: &[ChoiceOption], value: &str) -> bool {
    options.iter().any(|option| option.value == value)
}

/// Whether `text` is a web address: `http://` or `https://` (in any case), then a host of
/// letters, digits and `-` in dot-separated labels (or an IPv6 address in brackets) with an
/// optional port, then anything but whitespace after a `/`, `?` or `#`.
fn is_web_url(text: &str) -> bool {
    let scheme = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    let rest = if scheme.starts_with("https://") {
        &text[8..]
    } else if scheme.starts_with("http://") {
        &text[7..]
    } else {
        return false;
    };
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let (host_ok, port) = match authority.strip_prefix('[') {
        Some(bracketed) => match bracketed.split_once(']') {
            // After the brackets: nothing, or a port.
            Some((address, after)) if after.is_empty() || after.starts_with(':') => (
                !address.is_empty() && address.chars().all(|c| c.is_ascii_hexdigit() || c == ':'),
                after.strip_prefix(':'),
            ),
            _ => (false, None),
        },
        None => {
            let (host, port) = match authority.split_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (authority, None),
            };
            let label_ok = |label: &str| {
                !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            };
            (host.split('.').all(label_ok), port)
        }
    };
    let port_ok = port.is_none_or(|port| {
        (1..=5).contains(&port.len()) && port.bytes().all(|b| b.is_ascii_digit())
    });
    host_ok && port_ok && !text.chars().any(char::is_whitespace)
}

/// Whether `text` looks like an email address: one `@` between a local part and a domain of
/// at least two labels, no spaces. Deliverability is the mail server's to judge.
fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let label_ok = |label: &str| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && !label.contains('@')
    };
    !local.is_empty()
        && domain.contains('.')
        && domain.split('.').all(label_ok)
        && !text.chars().any(char::is_whitespace)
}
