//! Per-stage benchmarks on pre-built inputs (every fixture article):
//! decode, parse, normalize, validate, serialize. Run with
//! `cargo bench --bench stages`; throughput is reported in bytes of input.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_main};
use dateline::lexicon::Lexicon;
use dateline::normalize::normalize;
use dateline::parse::{ParseOptions, parse_article};
use dateline::read::{Input, decode};
use dateline::schema::Schema;

fn fixtures() -> Vec<(Input, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (Input::file(p), bytes)
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    let inputs = fixtures();
    let bytes: u64 = inputs.iter().map(|(_, b)| b.len() as u64).sum();
    let lexicon = Lexicon::embedded();
    let schema = Schema::new();
    let popts = ParseOptions::default();
    let texts: Vec<_> = inputs.iter().map(|(i, b)| decode(i, b).unwrap()).collect();
    let parsed: Vec<_> = texts
        .iter()
        .map(|t| parse_article(t, &popts).unwrap())
        .collect();
    let records: Vec<_> = texts
        .iter()
        .zip(&parsed)
        .map(|(t, p)| normalize(t.clone(), p.clone(), &lexicon))
        .collect();

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("decode", |b| {
        b.iter(|| {
            for (i, bytes) in &inputs {
                black_box(decode(i, bytes).unwrap());
            }
        })
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(parse_article(t, &popts).unwrap());
            }
        })
    });
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for (t, p) in texts.iter().zip(&parsed) {
                black_box(normalize(t.clone(), p.clone(), &lexicon));
            }
        })
    });
    g.bench_function("validate", |b| {
        b.iter(|| {
            for r in &records {
                black_box(schema.check_record(r));
            }
        })
    });
    let mut buf = Vec::with_capacity(1 << 20);
    g.bench_function("serialize", |b| {
        b.iter(|| {
            buf.clear();
            for r in &records {
                serde_json::to_writer(&mut buf, r).unwrap();
                buf.push(b'\n');
            }
            black_box(buf.len());
        })
    });
    g.finish();
}

#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::stages);
}
use group::benches;
criterion_main!(benches);
