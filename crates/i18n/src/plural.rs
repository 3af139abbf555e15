//! The CLDR plural rules fluent-bundle selects plural forms with: which categories a locale's
//! translations must cover (`cargo xtask check`), and a plural message turned into one pattern per
//! category for a page's script, which picks the form itself (`Intl.PluralRules`).

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

/// The plural category keywords, in CLDR's order.
pub(crate) const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The integers a count is sampled from: every category an integer can select appears below 1,100.
const INTEGERS: std::ops::RangeInclusive<u64> = 0..=1_100;

/// The rules fluent-bundle uses for a bundle of `locale`, negotiated the same way (the closest
/// locale that has rules, else English), with the tag they were negotiated to.
pub(crate) fn rules(locale: &LanguageIdentifier) -> Option<(LanguageIdentifier, PluralRules)> {
    let available = PluralRules::get_locales(PluralRuleType::CARDINAL);
    let english: LanguageIdentifier = crate::SOURCE_LOCALE.parse().unwrap_or_default();
    let negotiated =
        negotiate_languages(std::slice::from_ref(locale), &available, Some(&english), NegotiationStrategy::Lookup);
    let tag = (*negotiated.first()?).clone();
    let rules = PluralRules::create(tag.clone(), PluralRuleType::CARDINAL).ok()?;
    Some((tag, rules))
}

fn category_index(category: &Result<PluralCategory, &str>) -> usize {
    match category {
        Ok(PluralCategory::ZERO) => 0,
        Ok(PluralCategory::ONE) => 1,
        Ok(PluralCategory::TWO) => 2,
        Ok(PluralCategory::FEW) => 3,
        Ok(PluralCategory::MANY) => 4,
        Ok(PluralCategory::OTHER) | Err(_) => 5,
    }
}

/// The plural categories fluent-bundle can select for `locale`, found by selecting a category
/// for every integer up to 1,100, some large ones and decimals from 0.0 to 3.0.
pub fn plural_categories(locale: &LanguageIdentifier) -> Vec<&'static str> {
    let Some((_, rules)) = rules(locale) else { return vec!["other"] };
    let mut found = [false; 6];
    for n in INTEGERS.chain([10_000, 100_000, 1_000_000, 2_000_000, 10_000_000]) {
        found[category_index(&rules.select(n))] = true;
    }
    for tenths in 0..=30 {
        found[category_index(&rules.select(format!("{}.{}", tenths / 10, tenths % 10).as_str()))] = true;
    }
    CATEGORIES.iter().zip(found).filter(|(_, found)| *found).map(|(name, _)| *name).collect()
}

/// One count per category a whole number selects under `rules`, in CLDR order: the first from
/// 100 up when there is one (a number of three digits is unlikely to occur in a message's own
/// text, where it is looked for), else the first from 0.
pub(crate) fn integer_samples(rules: &PluralRules) -> Vec<(&'static str, u64)> {
    let mut samples: [Option<u64>; 6] = [None; 6];
    for n in INTEGERS {
        let slot = &mut samples[category_index(&rules.select(n))];
        if slot.is_none_or(|found| found < 100 && n >= 100) {
            *slot = Some(n);
        }
    }
    CATEGORIES.iter().zip(samples).filter_map(|(name, sample)| Some((*name, sample?))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn categories(tag: &str) -> Vec<&'static str> {
        plural_categories(&tag.parse().unwrap_or_default())
    }

    fn samples(tag: &str) -> (String, Vec<(&'static str, u64)>) {
        let (negotiated, rules) = rules(&tag.parse().unwrap_or_default()).unwrap_or_else(|| panic!("no rules"));
        (negotiated.to_string(), integer_samples(&rules))
    }

    #[test]
    fn plural_categories_follow_cldr() {
        assert_eq!(categories("en"), ["one", "other"]);
        assert_eq!(categories("es-MX"), ["one", "other"]);
        assert_eq!(categories("ru"), ["one", "few", "many", "other"]);
        assert_eq!(categories("ja"), ["other"]);
        assert_eq!(categories("ar"), ["zero", "one", "two", "few", "many", "other"]);
    }

    #[test]
    fn integer_samples_cover_every_category_a_count_reaches() {
        assert_eq!(samples("en"), ("en".to_owned(), vec![("one", 1), ("other", 100)]));
        assert_eq!(samples("es-MX").0, "es");
        // Russian `other` is for fractions only: no count ever selects it.
        assert_eq!(samples("ru").1, [("one", 101), ("few", 102), ("many", 100)]);
        // intl_pluralrules puts 103 in `other`, where CLDR (and browsers) say `few`: whatever
        // number the script is given, it picks the form by category, not by these samples.
        assert_eq!(samples("ar").1, [("zero", 0), ("one", 1), ("two", 2), ("few", 3), ("many", 11), ("other", 100)]);
        // A made-up region still gets its language's rules; an unknown language English's.
        assert_eq!(samples("ar-XB").0, "ar");
        assert_eq!(samples("tlh").0, "en");
    }
}
