//! Bad input: what is wrong, where (a JSON path), in English and Chinese (each
//! message written once, both languages side by side).

use crate::bi;
use crate::text::Bi;
use crate::vocab::{Series, Title};
use std::fmt;

/// An input the engine cannot evaluate. `path` names the place, e.g.
/// `ce_records[3].hours`; `$` is the whole document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    pub kind: InputErrorKind,
}

/// Why an input was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputErrorKind {
    /// Not JSON. `what` says what the parser expected.
    Syntax {
        line: usize,
        column: usize,
        what: SyntaxProblem,
    },
    /// The document is larger than the engine accepts.
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Arrays and objects nested deeper than the engine accepts.
    TooDeep {
        limit: usize,
    },
    /// More values, or more arrays and objects, than the engine reads.
    TooManyValues {
        counted: Counted,
    },
    DuplicateField,
    UnknownField {
        allowed: String,
    },
    Missing,
    WrongType {
        expected: JsonType,
    },
    UnknownValue {
        value: String,
        allowed: String,
    },
    WrongFormat {
        found: String,
    },
    InvalidDate {
        value: String,
    },
    NotWholeNumber,
    YearOutOfRange {
        min: i32,
        max: i32,
    },
    HoursNotPositive,
    HoursTooPrecise,
    HoursTooLarge {
        max: i64,
    },
    TextTooLong {
        max: usize,
    },
    TooManyItems {
        max: usize,
    },
    NotATarget {
        title: Title,
    },
    TitleNotInSeries {
        title: Title,
        series: Series,
    },
    EvaluationYearOutOfRange {
        min: i32,
        max: i32,
    },
    ObtainedAfterEvaluationYear {
        end: String,
    },
    WorkStartRequired {
        target: Title,
    },
}

/// A detail of a JSON syntax error.
/// What a document holds too many of (json::MAX_VALUES, json::MAX_CONTAINERS).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Values(usize),
    Containers(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxProblem {
    UnexpectedEnd,
    ExpectedValue,
    ExpectedCommaOrEnd,
    ExpectedColon,
    ExpectedKey,
    BadNumber,
    BadEscape,
    ControlCharacter,
    TrailingCharacters,
    BadLiteral,
}

impl SyntaxProblem {
    fn words(self) -> Bi<&'static str> {
        match self {
            SyntaxProblem::UnexpectedEnd => {
                Bi::new("内容不完整，提前结束", "the text ends too early")
            }
            SyntaxProblem::ExpectedValue => Bi::new("此处应为一个值", "expected a value"),
            SyntaxProblem::ExpectedCommaOrEnd => {
                Bi::new("此处应为逗号或右括号", "expected ',' or a closing bracket")
            }
            SyntaxProblem::ExpectedColon => Bi::new("此处应为冒号", "expected ':'"),
            SyntaxProblem::ExpectedKey => Bi::new(
                "此处应为带双引号的字段名",
                "expected a field name in double quotes",
            ),
            SyntaxProblem::BadNumber => Bi::new("数字格式错误", "invalid number"),
            SyntaxProblem::BadEscape => {
                Bi::new("字符串中的转义符无效", "invalid escape in a string")
            }
            SyntaxProblem::ControlCharacter => {
                Bi::new("字符串中含有控制字符", "control character in a string")
            }
            SyntaxProblem::TrailingCharacters => {
                Bi::new("结尾之后还有多余内容", "unexpected text after the end")
            }
            SyntaxProblem::BadLiteral => Bi::new(
                "无法识别的词（应为 true、false 或 null）",
                "unknown word (expected true, false or null)",
            ),
        }
    }
}

/// A JSON type, for "must be a …" messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    Object,
    Array,
    String,
    Integer,
    Number,
    Boolean,
}

impl JsonType {
    fn words(self) -> Bi<&'static str> {
        match self {
            JsonType::Object => Bi::new("对象", "an object"),
            JsonType::Array => Bi::new("数组", "an array"),
            JsonType::String => Bi::new("字符串", "a string"),
            JsonType::Integer => Bi::new("整数", "a whole number"),
            JsonType::Number => Bi::new("数字", "a number"),
            JsonType::Boolean => Bi::new("true 或 false", "true or false"),
        }
    }
}

impl InputError {
    pub fn new(path: impl Into<String>, kind: InputErrorKind) -> InputError {
        InputError {
            path: path.into(),
            kind,
        }
    }

    /// The message without the path, in both languages.
    pub fn message(&self) -> Bi {
        use InputErrorKind::*;
        match &self.kind {
            Syntax { line, column, what } => {
                let what = what.words();
                bi!(
                    "不是有效的 JSON（第 {line} 行第 {column} 列：{}）", what.zh;
                    "not valid JSON at line {line}, column {column}: {}", what.en
                )
            }
            TooLarge { bytes, limit } => {
                let (size, max) = (megabytes(*bytes), megabytes(*limit));
                bi!(
                    "文件大小 {size} MB，超过上限 {max} MB",
                    "the file is {size} MB; a profile may be at most {max} MB"
                )
            }
            TooDeep { limit } => bi!(
                "嵌套超过 {limit} 层",
                "nested more than {limit} levels deep"
            ),
            TooManyValues {
                counted: Counted::Values(limit),
            } => bi!(
                "数据项超过 {limit} 个，不是一份档案",
                "more than {limit} values: not a profile"
            ),
            TooManyValues {
                counted: Counted::Containers(limit),
            } => bi!(
                "对象和数组超过 {limit} 个，不是一份档案",
                "more than {limit} arrays and objects: not a profile"
            ),
            DuplicateField => bi!("该字段重复出现", "this field appears twice"),
            UnknownField { allowed } => bi!(
                "未知字段；可用字段：{allowed}",
                "unknown field; expected one of: {allowed}"
            ),
            Missing => bi!("必填", "is required"),
            WrongType { expected } => {
                let t = expected.words();
                bi!("应为{}", t.zh; "must be {}", t.en)
            }
            UnknownValue { value, allowed } => bi!(
                "无法识别的值“{value}”；可选：{allowed}",
                "unknown value \"{value}\"; expected one of: {allowed}"
            ),
            WrongFormat { found } => bi!(
                "应为“zhicheng-profile/1”，实际为“{found}”",
                "must be \"zhicheng-profile/1\", found \"{found}\""
            ),
            InvalidDate { value } => bi!(
                "“{value}”不是存在的日期（格式 YYYY-MM-DD）",
                "\"{value}\" is not a date that exists (write YYYY-MM-DD)"
            ),
            NotWholeNumber => bi!("应为整数", "must be a whole number"),
            YearOutOfRange { min, max } => bi!(
                "年份应在 {min} 至 {max} 之间",
                "must be a year from {min} to {max}"
            ),
            HoursNotPositive => bi!("学时必须大于 0", "must be greater than 0"),
            HoursTooPrecise => bi!(
                "学时最多保留一位小数（1.5 可以，1.25 不行）",
                "must have at most one decimal (1.5 yes, 1.25 no)"
            ),
            HoursTooLarge { max } => bi!("学时不能超过 {max}", "must be at most {max} hours"),
            TextTooLong { max } => bi!("最多 {max} 个字符", "must be at most {max} characters"),
            TooManyItems { max } => bi!("最多 {max} 条", "may hold at most {max} entries"),
            NotATarget { title } => bi!(
                "“{}”不能作为申报目标；可申报工程系列各级职称和高级经济师", title.label_zh();
                "\"{}\" cannot be applied for here; targets are the engineering titles and senior_economist", title.as_str()
            ),
            TitleNotInSeries { title, series } => bi!(
                "“{}”不属于{}", title.label_zh(), series.label_zh();
                "\"{}\" is not a title of the {} series", title.as_str(), series.as_str()
            ),
            EvaluationYearOutOfRange { min, max } => bi!(
                "本规则适用的评审年度为 {min} 至 {max}",
                "must be from {min} to {max} for this rule set"
            ),
            ObtainedAfterEvaluationYear { end } => bi!(
                "取得日期晚于评审年度末（{end}）",
                "is after the end of the evaluation year ({end})"
            ),
            WorkStartRequired { target } => bi!(
                "必填：申报{}的年限从参加专业技术工作之日起算", target.label_zh();
                "is required: the path to {} counts years from the start of professional-technical work", target.label_en()
            ),
        }
    }

    /// The English side of [`InputError::message`].
    pub fn message_en(&self) -> String {
        self.message().en
    }

    /// The Chinese side of [`InputError::message`].
    pub fn message_zh(&self) -> String {
        self.message().zh
    }

    /// One line: `path: English — 中文`.
    pub fn one_line(&self) -> String {
        let Bi { zh, en } = self.message();
        format!("{}: {en} — {zh}", self.path)
    }
}

/// `bytes` in megabytes with one decimal, the text `format!("{:.1}", bytes as f64 / 1e6)`
/// gives (the same digits for every size below 10^15 bytes), without the standard
/// library's float formatting, which would add about 15 KB to the wasm for these two
/// messages: the tenths are counted in integers, and only a size exactly halfway
/// between two tenths asks the division's `f64` which way it was rounded.
pub fn megabytes(bytes: usize) -> String {
    let bytes = bytes as u64;
    let (mut tenths, rest) = (bytes / 100_000, bytes % 100_000);
    let up = match rest.cmp(&50_000) {
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Greater => true,
        // Halfway: `{:.1}` rounds the exact value of the f64, half to even.
        std::cmp::Ordering::Equal => match vs_twentieths(bytes as f64 / 1e6, 2 * tenths + 1) {
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal => tenths % 2 == 1,
        },
    };
    tenths += u64::from(up);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// `x` (positive, finite) against `n / 20`, exactly.
fn vs_twentieths(x: f64, n: u64) -> std::cmp::Ordering {
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let mantissa = u128::from(bits & ((1 << 52) - 1) | 1 << 52);
    // x = mantissa × 2^shift: compare mantissa × 20 with n × 2^-shift.
    let shift = exponent - 1075;
    if shift >= 0 {
        return ((mantissa << shift) * 20).cmp(&u128::from(n));
    }
    (mantissa * 20).cmp(&(u128::from(n) << -shift))
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message_en())
    }
}

impl std::error::Error for InputError {}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `megabytes` must write: the float formatting it replaces.
    fn by_float(bytes: usize) -> String {
        format!("{:.1}", bytes as f64 / 1e6)
    }

    #[test]
    fn megabytes_are_written_as_the_float_formatting_writes_them() {
        // Every size halfway between two tenths up to 2 GB, and its neighbours.
        for k in (50_000..2_000_000_000usize).step_by(100_000) {
            for b in [k - 1, k, k + 1] {
                assert_eq!(megabytes(b), by_float(b), "{b} bytes");
            }
        }
        for b in (0..3_000_000usize)
            .step_by(997)
            .chain([0, 1, 49_999, 50_000, 5 * 1024 * 1024])
        {
            assert_eq!(megabytes(b), by_float(b), "{b} bytes");
        }
        let mut x: u64 = 1;
        for _ in 0..100_000 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let b = (x >> 14) as usize % 1_000_000_000_000_000;
            assert_eq!(megabytes(b), by_float(b), "{b} bytes");
        }
        assert_eq!(megabytes(5_000_000), "5.0");
        assert_eq!(megabytes(5_250_000), "5.2");
    }
}
