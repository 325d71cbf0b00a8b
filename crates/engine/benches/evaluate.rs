//! One evaluation, natively (criterion): the budget is 20 µs (issue 7). Run by
//! `cargo xtask bench engine`, which prints the figures against the budget.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use std::path::Path;
use zhicheng_engine::verdict::Verdict;
use zhicheng_engine::{evaluate, evaluate_with, Profile, TextScope};

fn example(name: &str) -> Profile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/examples")
        .join(format!("{name}.profile.json"));
    Profile::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("evaluate");
    for name in [
        "liandu_senior_engineer_eligible",
        "liandu_2024_professional_hours_short",
        "jxt_2019_online_hours_over_cap",
        "shanxi_senior_economist_without_exam",
    ] {
        let profile = example(name);
        group.bench_function(name, |b| {
            b.iter(|| -> Verdict { evaluate(black_box(&profile)).unwrap() })
        });
    }
    let profile = example("liandu_2024_professional_hours_short");
    group.bench_function("problems_only/liandu_2024_professional_hours_short", |b| {
        b.iter(|| evaluate_with(black_box(&profile), TextScope::Problems).unwrap())
    });
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/examples/liandu_senior_engineer_eligible.profile.json"),
    )
    .unwrap();
    group.bench_function("read_and_evaluate/liandu_senior_engineer_eligible", |b| {
        b.iter(|| zhicheng_engine::check_json(black_box(&text)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
