//! Who a body belongs to: the person whose role phrase holds its name, the
//! person named right after a role's acronym, and the bodies people's roles
//! say they lead. `orgs` uses these to give a body its country.

use rustc_hash::FxHashMap as HashMap;

use crate::model::{Mention, Person};
use crate::normalize::para::Para;
use crate::text::fold;

/// The bodies people's roles say they lead, folded (`Deputy Minister of
/// Public Security` leads the `ministry of public security`), with the
/// leader's country; `None` where leaders of two countries disagree.
pub(crate) fn led_bodies(people: &[Person]) -> HashMap<String, Option<String>> {
    let mut led: HashMap<String, Option<String>> = HashMap::default();
    for person in people.iter().filter(|x| x.country.is_some()) {
        for role in &person.roles {
            let role = fold(role);
            let Some((leader, rest)) = role.split_once(" of ") else {
                continue;
            };
            let Some(head) = leader
                .rsplit(' ')
                .next()
                .and_then(crate::lexicon::org_for_leader)
            else {
                continue;
            };
            let key = format!("{} of {rest}", fold(head));
            let entry = led.entry(key).or_insert_with(|| person.country.clone());
            if *entry != person.country {
                *entry = None;
            }
        }
    }
    led
}

/// The person whose role phrase holds mention `m`: named after it, or
/// before it with a comma or `of` between, with only role words in between.
pub(crate) fn person_beside<'p>(
    p: &Para<'_, '_>,
    m: &Mention,
    people: &'p [Person],
) -> Option<&'p Person> {
    let role_word = |k: usize| {
        let t = &p.toks[k];
        (t.is_word() && (t.cap || p.is_connector(k) || p.role_class(k).is_some()))
            || t.is(",")
            || t.is("'s")
            || t.is("'")
            || t.is("(")
            || t.is(")")
            || t.is(".")
    };
    let here = |person: &&Person| person.mentions.iter().any(|pm| pm.paragraph == m.paragraph);
    let after = p.token_from(m.end)?;
    let first = people.iter().filter(here).filter_map(|person| {
        let pm = person
            .mentions
            .iter()
            .find(|pm| pm.paragraph == m.paragraph && pm.start >= m.end)?;
        let k = p.token_from(pm.start)?;
        (k - after <= 12 && (after..k).all(role_word)).then_some((k, person))
    });
    if let Some((_, person)) = first.min_by_key(|(k, _)| *k) {
        return Some(person);
    }
    let before = p.toks.iter().position(|t| t.cend > m.start)?;
    people
        .iter()
        .filter(here)
        .filter_map(|person| {
            let pm = person
                .mentions
                .iter()
                .rev()
                .find(|pm| pm.paragraph == m.paragraph && pm.end <= m.start)?;
            let k = p.token_from(pm.end)?;
            // `Bui Xuan Hoan, Director of …`, `Bui Xuan Hoan of the Ministry`.
            let appositive = p.toks.get(k).is_some_and(|t| t.is(",") || t.fold == "of");
            (appositive && before - k <= 24 && (k..before).all(role_word)).then_some((k, person))
        })
        .max_by_key(|(k, _)| *k)
        .map(|(_, person)| person)
}

/// The person named right after token `i` (skipping ranks).
pub(crate) fn next_person<'p>(
    p: &Para<'_, '_>,
    mut i: usize,
    people: &'p [Person],
) -> Option<&'p Person> {
    while i < p.toks.len() && (p.is_rank(i) || p.toks[i].is(".")) {
        i += 1;
    }
    let c = p.toks.get(i)?.cstart;
    people.iter().find(|person| {
        person
            .mentions
            .iter()
            .any(|m| m.paragraph == p.index && m.start == c)
    })
}
