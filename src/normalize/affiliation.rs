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

/// People's mentions by paragraph, in text order (they never overlap), so
/// "who is named right after / before this place" is a binary search, not
/// a scan of every mention for every organization.
pub(crate) struct Named<'p> {
    people: &'p [Person],
    /// Per paragraph: (start, end, index into `people`), sorted by start.
    spans: Vec<Vec<(usize, usize, usize)>>,
}

impl<'p> Named<'p> {
    pub(crate) fn new(people: &'p [Person], paragraphs: usize) -> Self {
        let mut spans = vec![Vec::new(); paragraphs];
        for (n, person) in people.iter().enumerate() {
            for m in &person.mentions {
                if let Some(list) = spans.get_mut(m.paragraph) {
                    list.push((m.start, m.end, n));
                }
            }
        }
        for list in &mut spans {
            list.sort_unstable();
        }
        Named { people, spans }
    }

    fn at(&self, paragraph: usize) -> &[(usize, usize, usize)] {
        self.spans.get(paragraph).map_or(&[], Vec::as_slice)
    }
}

/// The person whose role phrase holds mention `m`: named after it, or
/// before it with a comma or `of` between, with only role words in between.
pub(crate) fn person_beside<'p>(
    p: &Para<'_, '_>,
    m: &Mention,
    named: &Named<'p>,
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
    let spans = named.at(m.paragraph);
    let after = p.token_from(m.end)?;
    // The first name after it: any later one has the same words between,
    // and more.
    let next = spans.partition_point(|s| s.0 < m.end);
    if let Some(&(start, _, n)) = spans.get(next)
        && let Some(k) = p.token_from(start)
        && k - after <= 12
        && (after..k).all(role_word)
    {
        return Some(&named.people[n]);
    }
    let before = p.toks.partition_point(|t| t.cend <= m.start);
    if before >= p.toks.len() {
        return None;
    }
    // Each person's last mention before it, nearest first, within reach.
    let ended = spans.partition_point(|s| s.1 <= m.start);
    let mut seen: Vec<usize> = Vec::new();
    for &(_, end, n) in spans[..ended].iter().rev() {
        let Some(k) = p.token_from(end) else {
            continue;
        };
        if before.saturating_sub(k) > 24 {
            break;
        }
        if seen.contains(&n) {
            continue;
        }
        seen.push(n);
        // `Bui Xuan Hoan, Director of …`, `Bui Xuan Hoan of the Ministry`.
        let appositive = p.toks.get(k).is_some_and(|t| t.is(",") || t.fold == "of");
        if appositive && k <= before && (k..before).all(role_word) {
            return Some(&named.people[n]);
        }
    }
    None
}

/// The person named right after token `i` (skipping ranks).
pub(crate) fn next_person<'p>(
    p: &Para<'_, '_>,
    mut i: usize,
    named: &Named<'p>,
) -> Option<&'p Person> {
    while i < p.toks.len() && (p.is_rank(i) || p.toks[i].is(".")) {
        i += 1;
    }
    let c = p.toks.get(i)?.cstart;
    let spans = named.at(p.index);
    let at = spans.partition_point(|s| s.0 < c);
    spans
        .get(at)
        .filter(|s| s.0 == c)
        .map(|&(_, _, n)| &named.people[n])
}
