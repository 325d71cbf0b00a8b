//! Bad input: what is wrong, where (a JSON path), in English and Chinese.

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
    fn en(self) -> &'static str {
        match self {
            SyntaxProblem::UnexpectedEnd => "the text ends too early",
            SyntaxProblem::ExpectedValue => "expected a value",
            SyntaxProblem::ExpectedCommaOrEnd => "expected ',' or a closing bracket",
            SyntaxProblem::ExpectedColon => "expected ':'",
            SyntaxProblem::ExpectedKey => "expected a field name in double quotes",
            SyntaxProblem::BadNumber => "invalid number",
            SyntaxProblem::BadEscape => "invalid escape in a string",
            SyntaxProblem::ControlCharacter => "control character in a string",
            SyntaxProblem::TrailingCharacters => "unexpected text after the end",
            SyntaxProblem::BadLiteral => "unknown word (expected true, false or null)",
        }
    }

    fn zh(self) -> &'static str {
        match self {
            SyntaxProblem::UnexpectedEnd => "内容不完整，提前结束",
            SyntaxProblem::ExpectedValue => "此处应为一个值",
            SyntaxProblem::ExpectedCommaOrEnd => "此处应为逗号或右括号",
            SyntaxProblem::ExpectedColon => "此处应为冒号",
            SyntaxProblem::ExpectedKey => "此处应为带双引号的字段名",
            SyntaxProblem::BadNumber => "数字格式错误",
            SyntaxProblem::BadEscape => "字符串中的转义符无效",
            SyntaxProblem::ControlCharacter => "字符串中含有控制字符",
            SyntaxProblem::TrailingCharacters => "结尾之后还有多余内容",
            SyntaxProblem::BadLiteral => "无法识别的词（应为 true、false 或 null）",
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
    fn en(self) -> &'static str {
        match self {
            JsonType::Object => "an object",
            JsonType::Array => "an array",
            JsonType::String => "a string",
            JsonType::Integer => "a whole number",
            JsonType::Number => "a number",
            JsonType::Boolean => "true or false",
        }
    }

    fn zh(self) -> &'static str {
        match self {
            JsonType::Object => "对象",
            JsonType::Array => "数组",
            JsonType::String => "字符串",
            JsonType::Integer => "整数",
            JsonType::Number => "数字",
            JsonType::Boolean => "true 或 false",
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

    /// The message without the path, in English.
    pub fn message_en(&self) -> String {
        use InputErrorKind::*;
        match &self.kind {
            Syntax { line, column, what } => format!("not valid JSON at line {line}, column {column}: {}", what.en()),
            TooLarge { bytes, limit } => format!(
                "the file is {} MB; a profile may be at most {} MB",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            TooDeep { limit } => format!("nested more than {limit} levels deep"),
            DuplicateField => "this field appears twice".to_string(),
            UnknownField { allowed } => format!("unknown field; expected one of: {allowed}"),
            Missing => "is required".to_string(),
            WrongType { expected } => format!("must be {}", expected.en()),
            UnknownValue { value, allowed } => format!("unknown value \"{value}\"; expected one of: {allowed}"),
            WrongFormat { found } => format!("must be \"zhicheng-profile/1\", found \"{found}\""),
            InvalidDate { value } => format!("\"{value}\" is not a date that exists (write YYYY-MM-DD)"),
            NotWholeNumber => "must be a whole number".to_string(),
            YearOutOfRange { min, max } => format!("must be a year from {min} to {max}"),
            HoursNotPositive => "must be greater than 0".to_string(),
            HoursTooPrecise => "must have at most one decimal (1.5 yes, 1.25 no)".to_string(),
            HoursTooLarge { max } => format!("must be at most {max} hours"),
            TextTooLong { max } => format!("must be at most {max} characters"),
            TooManyItems { max } => format!("may hold at most {max} entries"),
            NotATarget { title } => format!("\"{}\" cannot be applied for here; targets are the engineering titles and senior_economist", title.as_str()),
            TitleNotInSeries { title, series } => {
                format!("\"{}\" is not a title of the {} series", title.as_str(), series.as_str())
            }
            EvaluationYearOutOfRange { min, max } => format!("must be from {min} to {max} for this rule set"),
            ObtainedAfterEvaluationYear { end } => format!("is after the end of the evaluation year ({end})"),
            WorkStartRequired { target } => format!(
                "is required: the path to {} counts years from the start of professional-technical work",
                target.label_en()
            ),
        }
    }

    /// The message without the path, in Chinese.
    pub fn message_zh(&self) -> String {
        use InputErrorKind::*;
        match &self.kind {
            Syntax { line, column, what } => format!(
                "不是有效的 JSON（第 {line} 行第 {column} 列：{}）",
                what.zh()
            ),
            TooLarge { bytes, limit } => format!(
                "文件大小 {} MB，超过上限 {} MB",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            TooDeep { limit } => format!("嵌套超过 {limit} 层"),
            DuplicateField => "该字段重复出现".to_string(),
            UnknownField { allowed } => format!("未知字段；可用字段：{allowed}"),
            Missing => "必填".to_string(),
            WrongType { expected } => format!("应为{}", expected.zh()),
            UnknownValue { value, allowed } => format!("无法识别的值“{value}”；可选：{allowed}"),
            WrongFormat { found } => format!("应为“zhicheng-profile/1”，实际为“{found}”"),
            InvalidDate { value } => format!("“{value}”不是存在的日期（格式 YYYY-MM-DD）"),
            NotWholeNumber => "应为整数".to_string(),
            YearOutOfRange { min, max } => format!("年份应在 {min} 至 {max} 之间"),
            HoursNotPositive => "学时必须大于 0".to_string(),
            HoursTooPrecise => "学时最多保留一位小数（1.5 可以，1.25 不行）".to_string(),
            HoursTooLarge { max } => format!("学时不能超过 {max}"),
            TextTooLong { max } => format!("最多 {max} 个字符"),
            TooManyItems { max } => format!("最多 {max} 条"),
            NotATarget { title } => format!(
                "“{}”不能作为申报目标；可申报工程系列各级职称和高级经济师",
                title.label_zh()
            ),
            TitleNotInSeries { title, series } => {
                format!("“{}”不属于{}", title.label_zh(), series.label_zh())
            }
            EvaluationYearOutOfRange { min, max } => {
                format!("本规则适用的评审年度为 {min} 至 {max}")
            }
            ObtainedAfterEvaluationYear { end } => format!("取得日期晚于评审年度末（{end}）"),
            WorkStartRequired { target } => format!(
                "必填：申报{}的年限从参加专业技术工作之日起算",
                target.label_zh()
            ),
        }
    }

    /// One line: `path: English — 中文`.
    pub fn one_line(&self) -> String {
        format!(
            "{}: {} — {}",
            self.path,
            self.message_en(),
            self.message_zh()
        )
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
