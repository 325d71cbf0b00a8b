//! The little of the wasm binary format the build and the bench read and write: a
//! cursor over LEB128 numbers, names, limits and constant expressions, the sections of
//! a module, and LEB128 written back (crate::imports rewrites the import section,
//! crate::bench::parts reads functions, names and data).

/// The magic number and version 1 that start every wasm module.
pub const HEADER: &[u8; 8] = b"\0asm\x01\0\0\0";

/// Why a wasm file could not be read.
#[derive(Debug, PartialEq)]
pub enum ReadError {
    /// The file ends inside a section or value.
    Truncated,
    /// Not `\0asm` version 1.
    NotWasm,
    /// An import, constant expression or data segment of a kind this reader does not
    /// know, at a byte offset.
    Unsupported(&'static str, usize),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Truncated => write!(f, "the wasm file ends too early"),
            ReadError::NotWasm => write!(f, "not a wasm module (version 1)"),
            ReadError::Unsupported(what, at) => {
                write!(f, "unsupported {what} at byte {at} of the wasm file")
            }
        }
    }
}

/// A cursor over a wasm file (or one of its sections).
pub struct Bytes<'a> {
    pub bytes: &'a [u8],
    pub at: usize,
}

impl<'a> Bytes<'a> {
    pub fn byte(&mut self) -> Result<u8, ReadError> {
        let b = *self.bytes.get(self.at).ok_or(ReadError::Truncated)?;
        self.at += 1;
        Ok(b)
    }

    /// An unsigned LEB128 number (up to 64 bits).
    pub fn uleb(&mut self) -> Result<u64, ReadError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ReadError::Unsupported("LEB128 number", self.at))
    }

    pub fn len(&mut self) -> Result<usize, ReadError> {
        usize::try_from(self.uleb()?).map_err(|_| ReadError::Truncated)
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], ReadError> {
        let end = self.at.checked_add(n).ok_or(ReadError::Truncated)?;
        let out = self.bytes.get(self.at..end).ok_or(ReadError::Truncated)?;
        self.at = end;
        Ok(out)
    }

    pub fn name(&mut self) -> Result<&'a [u8], ReadError> {
        let n = self.len()?;
        self.take(n)
    }

    /// Table or memory limits: a flag byte, the minimum and (flag bit 0) a maximum.
    pub fn limits(&mut self) -> Result<(), ReadError> {
        let flags = self.byte()?;
        self.uleb()?;
        if flags & 1 != 0 {
            self.uleb()?;
        }
        Ok(())
    }

    /// A constant expression (a data segment's offset): one constant or global, `end`.
    pub fn const_expr(&mut self) -> Result<(), ReadError> {
        match self.byte()? {
            // i32.const, i64.const (signed LEB128: the same bytes as unsigned), global.get
            0x41 | 0x42 | 0x23 => {
                self.uleb()?;
            }
            _ => return Err(ReadError::Unsupported("constant expression", self.at)),
        }
        match self.byte()? {
            0x0b => Ok(()),
            _ => Err(ReadError::Unsupported("constant expression", self.at)),
        }
    }
}

/// The id of the import section.
pub const IMPORT_SECTION: u8 = 2;

/// One entry of the import section: the module and name it imports, its kind (0 a
/// function, 1 a table, 2 a memory, 3 a global, 4 a tag) and the bytes that describe
/// it, kept as they are.
#[derive(Debug, PartialEq)]
pub struct Import<'a> {
    pub module: &'a [u8],
    pub name: &'a [u8],
    pub kind: u8,
    pub desc: &'a [u8],
}

/// The entries of an import section's `body` (which starts at `offset` in the module).
pub fn imports(body: &[u8], offset: usize) -> Result<Vec<Import<'_>>, ReadError> {
    let mut s = Bytes { bytes: body, at: 0 };
    let mut out = Vec::new();
    for _ in 0..s.uleb()? {
        let module = s.name()?;
        let name = s.name()?;
        let kind = s.byte()?;
        let start = s.at;
        match kind {
            0 => {
                s.uleb()?;
            }
            1 => {
                s.byte()?;
                s.limits()?;
            }
            2 => s.limits()?,
            3 => {
                s.byte()?;
                s.byte()?;
            }
            4 => {
                s.byte()?;
                s.uleb()?;
            }
            _ => return Err(ReadError::Unsupported("import", offset + s.at)),
        }
        out.push(Import {
            module,
            name,
            kind,
            desc: &body[start..s.at],
        });
    }
    Ok(out)
}

/// The id of the export section.
pub const EXPORT_SECTION: u8 = 7;

/// One entry of the export section: the name it exports, its kind (as an import's) and
/// the index of what it exports.
#[derive(Debug, PartialEq)]
pub struct Export<'a> {
    pub name: &'a [u8],
    pub kind: u8,
    pub index: u64,
}

/// The entries of an export section's `body` (which starts at `offset` in the module).
pub fn exports(body: &[u8], offset: usize) -> Result<Vec<Export<'_>>, ReadError> {
    let mut s = Bytes { bytes: body, at: 0 };
    let mut out = Vec::new();
    for _ in 0..s.uleb()? {
        let name = s.name()?;
        let kind = s.byte()?;
        if kind > 4 {
            return Err(ReadError::Unsupported("export", offset + s.at));
        }
        let index = s.uleb()?;
        out.push(Export { name, kind, index });
    }
    Ok(out)
}

/// An export section's body holding `exports`.
pub fn export_section(exports: &[Export<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    write_uleb(&mut out, exports.len() as u64);
    for e in exports {
        write_name(&mut out, e.name);
        out.push(e.kind);
        write_uleb(&mut out, e.index);
    }
    out
}

/// An import section's body holding `imports`.
pub fn import_section(imports: &[Import<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    write_uleb(&mut out, imports.len() as u64);
    for i in imports {
        write_name(&mut out, i.module);
        write_name(&mut out, i.name);
        out.push(i.kind);
        out.extend_from_slice(i.desc);
    }
    out
}

/// A module from its sections (each written with its id and size).
pub fn module(sections: &[(u8, &[u8])]) -> Vec<u8> {
    let mut out = HEADER.to_vec();
    for (id, body) in sections {
        out.push(*id);
        write_name(&mut out, body);
    }
    out
}

/// One section of a module: its id and its bytes (after the size).
#[derive(Debug, PartialEq)]
pub struct Section<'a> {
    pub id: u8,
    pub body: &'a [u8],
    /// Where `body` starts in the module, for errors.
    pub offset: usize,
}

/// The sections of a module, in order.
pub fn sections(bytes: &[u8]) -> Result<Vec<Section<'_>>, ReadError> {
    if bytes.get(..8) != Some(HEADER.as_slice()) {
        return Err(ReadError::NotWasm);
    }
    let mut r = Bytes { bytes, at: 8 };
    let mut out = Vec::new();
    while r.at < bytes.len() {
        let id = r.byte()?;
        let size = r.len()?;
        let offset = r.at;
        out.push(Section {
            id,
            body: r.take(size)?,
            offset,
        });
    }
    Ok(out)
}

/// `value` as unsigned LEB128, appended to `out`.
pub fn write_uleb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

/// A name (or any byte string) as the format writes it: its length, then its bytes.
pub fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    write_uleb(out, name.len() as u64);
    out.extend_from_slice(name);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leb128_numbers_read_back() {
        for value in [
            0u64,
            1,
            127,
            128,
            300,
            624_485,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let mut out = Vec::new();
            write_uleb(&mut out, value);
            let mut r = Bytes { bytes: &out, at: 0 };
            assert_eq!(r.uleb(), Ok(value));
            assert_eq!(r.at, out.len());
        }
        assert_eq!(
            Bytes {
                bytes: &[0x80],
                at: 0
            }
            .uleb(),
            Err(ReadError::Truncated)
        );
    }

    #[test]
    fn an_import_section_reads_back_as_written() {
        let func = [0x00];
        let memory = [0x01, 0x11, 0x20];
        let imports = vec![
            Import {
                module: b"wbg",
                name: b"__wbg_log_0123456789abcdef",
                kind: 0,
                desc: &func,
            },
            Import {
                module: b"env",
                name: b"memory",
                kind: 2,
                desc: &memory,
            },
        ];
        let body = import_section(&imports);
        assert_eq!(self::imports(&body, 0).unwrap(), imports);
        let m = module(&[(IMPORT_SECTION, &body), (0, b"x")]);
        let s = sections(&m).unwrap();
        assert_eq!((s[0].id, s[0].body), (IMPORT_SECTION, body.as_slice()));
        assert_eq!(
            self::imports(&[1, 1, b'm', 1, b'f', 9], 5),
            Err(ReadError::Unsupported("import", 11))
        );
    }

    #[test]
    fn sections_are_split() {
        let module = [HEADER.as_slice(), &[1, 2, 9, 9, 0, 1, 7]].concat();
        assert_eq!(
            sections(&module).unwrap(),
            vec![
                Section {
                    id: 1,
                    body: &[9, 9],
                    offset: 10
                },
                Section {
                    id: 0,
                    body: &[7],
                    offset: 14
                }
            ]
        );
        assert_eq!(sections(b"\0asm\x02\0\0\0"), Err(ReadError::NotWasm));
        assert_eq!(
            sections(&[HEADER.as_slice(), &[1, 5, 0]].concat()),
            Err(ReadError::Truncated)
        );
    }
}
