//! The generated rosters of the batch benchmarks (`cargo xtask bench cli-batch`,
//! `browser-batch`): varied people built on the shared examples, deterministic for a
//! seed, in the roster format of docs/batch.md.

use std::fmt::Write as _;

/// A small deterministic generator (SplitMix64), so every run checks the same roster.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn date(&mut self, from_year: i64, to_year: i64) -> String {
        format!(
            "{}-{:02}-{:02}",
            self.range(from_year, to_year),
            self.range(1, 12),
            self.range(1, 28)
        )
    }
}

/// The CE years the generated roster has columns for.
const CE_YEARS: std::ops::RangeInclusive<i32> = 2014..=2024;

/// Who is in a generated roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mix {
    /// About 60% eligible, 36% not eligible, 3% needs review, 1% bad rows.
    Realistic,
    /// The same people without the evaluation year's professional hours and without
    /// exams: almost everyone is not eligible, and each costs the engine its search
    /// for the earliest eligible year and the text of a failing CE check. The worst
    /// case, for information.
    MostlyFailing,
}

/// A roster of `people` varied profiles built on the five shared examples
/// (tests/examples): the four rule sets, their targets, hours around the minimums,
/// online hours over the cap, missing exams, and now and then an assessment, a
/// sanction, a fraud finding, Chinese values, and a bad row (about 1 in 100).
pub fn roster_csv(people: usize, seed: u64, mix: Mix) -> String {
    let mut rng = Rng::new(seed);
    let mut header = String::from(
        "person_id,name,rule_set,evaluation_year,title,specialty,exceptional,birth_date,\
         retirement_group,employment,retired,in_technical_post,profession_matches,education,\
         work_start,technician_obtained,assistant_engineer_obtained,engineer_obtained,\
         economist_obtained,assessments,sanctions,fraud_findings,exams",
    );
    for y in CE_YEARS {
        for c in ["professional", "industry_public", "general_public"] {
            let _ = write!(header, ",ce_{y}_{c}");
        }
    }
    header += ",ce_2019_professional_online,ce_2020_professional_online\r\n";
    let mut out = String::with_capacity(people * 260 + header.len());
    out += &header;
    for i in 0..people {
        person(&mut out, &mut rng, i, mix);
    }
    out
}

fn person(out: &mut String, rng: &mut Rng, i: usize, mix: Mix) {
    let failing = mix == Mix::MostlyFailing;
    let kind = i % 5;
    let zh = rng.chance(30);
    let pick = |zh: bool, en: &'static str, cn: &'static str| if zh { cn } else { en };
    // rule_set, title, specialty, education, first/last CE year
    let (rule_set, title, specialty, education, ce_from, ce_to) = match kind {
        0 => (
            "zj-liandu-2024",
            pick(zh, "senior_engineer", "高级工程师"),
            "",
            pick(zh, "bachelor", "本科"),
            2019,
            2024,
        ),
        1 => (
            "zj-huzhou-2021",
            pick(zh, "assistant_engineer", "助理工程师"),
            "",
            pick(zh, "associate", "大专"),
            2019,
            2021,
        ),
        2 => (
            "zj-jxt-gaogong-2020",
            "senior_engineer",
            ["materials", "energy", "轻纺", "petrochemical"][rng.range(0, 3) as usize],
            "bachelor",
            2015,
            2020,
        ),
        3 => (
            pick(zh, "sx-2020", "晋人社厅函〔2020〕628号"),
            pick(zh, "senior_economist", "高级经济师"),
            "",
            "bachelor",
            2014,
            2020,
        ),
        _ => (
            "zj-liandu-2024",
            pick(zh, "engineer", "工程师"),
            "",
            pick(zh, "master", "硕士"),
            2019,
            2024,
        ),
    };
    let female = rng.chance(35);
    let group = match (female, rng.chance(80)) {
        (false, _) => pick(zh, "male", "男"),
        (true, true) => pick(zh, "female_55", "女干部"),
        (true, false) => pick(zh, "female_50", "女工人"),
    };
    let employment = if rng.chance(70) {
        pick(zh, "enterprise", "企业")
    } else {
        pick(zh, "public_institution", "事业单位")
    };
    let birth = rng.date(1966, 1995);
    let work_start = rng.date(2000, 2012);
    let (mut technician, mut assistant, mut engineer, mut economist) =
        (String::new(), String::new(), String::new(), String::new());
    match kind {
        0 => {
            assistant = rng.date(2006, 2010);
            engineer = rng.date(2015, 2020);
        }
        1 => technician = rng.date(2015, 2019),
        2 => {
            assistant = rng.date(2006, 2009);
            engineer = rng.date(2011, 2016);
        }
        3 => economist = rng.date(2011, 2016),
        _ => assistant = rng.date(2017, 2021),
    }
    let assessments = if rng.chance(10) {
        format!(
            "{}:{}",
            rng.range(2016, 2020),
            pick(zh, "unqualified", "不合格")
        )
    } else {
        String::new()
    };
    let sanctions = if rng.chance(5) {
        format!("{}:{}", pick(zh, "demerit", "记过"), rng.date(2019, 2023))
    } else {
        String::new()
    };
    let fraud = if rng.chance(3) {
        rng.range(2017, 2022).to_string()
    } else {
        String::new()
    };
    let exams = if kind == 3 && rng.chance(60) && !failing {
        format!("senior_economist:{}", rng.range(2015, 2020))
    } else {
        String::new()
    };
    let yes_no = |b: bool| if b { "是" } else { "否" };
    // About one row in a hundred is bad: a date that does not exist.
    let birth = if rng.chance(1) {
        "1980-02-30".to_string()
    } else {
        birth
    };
    let _ = write!(
        out,
        "P{i:06},示例{i},{rule_set},,{title},{specialty},{},{birth},{group},{employment},{},{},{},\
         {education},{work_start},{technician},{assistant},{engineer},{economist},\
         {assessments},{sanctions},{fraud},{exams}",
        yes_no(rng.chance(3)),
        yes_no(rng.chance(1)),
        yes_no(rng.chance(97)),
        yes_no(rng.chance(97)),
    );
    for y in CE_YEARS {
        let owed = (ce_from..=ce_to).contains(&y);
        // Mostly above the minimums (90 in all, 60 professional, 18 public, 12
        // general); now and then a year short of professional hours or missing.
        let professional = if rng.chance(3) { (40, 59) } else { (68, 100) };
        for (k, (lo, hi)) in [professional, (6, 12), (12, 16)].into_iter().enumerate() {
            if owed && rng.chance(99) && !(failing && k == 0 && y == ce_to) {
                let _ = write!(out, ",{}", rng.range(lo, hi));
            } else {
                out.push(',');
            }
        }
    }
    // Online professional hours (over the jxt cap now and then).
    for y in [2019, 2020] {
        if kind == 2 && (ce_from..=ce_to).contains(&y) && rng.chance(30) {
            let _ = write!(out, ",{}", rng.range(10, 60));
        } else {
            out.push(',');
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_roster_is_deterministic_and_rectangular() {
        let a = roster_csv(50, 1, Mix::Realistic);
        assert_eq!(a, roster_csv(50, 1, Mix::Realistic));
        assert_ne!(a, roster_csv(50, 2, Mix::Realistic));
        assert_ne!(a, roster_csv(50, 1, Mix::MostlyFailing));
        let mut lines = a.split("\r\n").filter(|l| !l.is_empty());
        let width = lines.next().unwrap().split(',').count();
        assert_eq!(lines.clone().count(), 50);
        for l in lines {
            assert_eq!(l.split(',').count(), width, "{l}");
        }
    }
}
