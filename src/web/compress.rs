//! Raw DEFLATE (RFC 1951) by the browser's own CompressionStream and
//! DecompressionStream: what makes a share link short enough for a QR code
//! (`#z=`), without a compressor in the wasm.

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableWritablePair, Response, WritableStream};

// The Compression Streams API, declared here: web-sys has it only behind
// `--cfg=web_sys_unstable_apis`, though every browser the app supports has it.
#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &CompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &CompressionStream) -> WritableStream;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> WritableStream;
}

const FORMAT: &str = "deflate-raw";

/// The browser could not (de)compress: no such API, or data that does not inflate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failed;

/// `bytes` deflated.
pub async fn deflate_raw(bytes: &[u8]) -> Result<Vec<u8>, Failed> {
    let stream = CompressionStream::new(FORMAT).map_err(|_| Failed)?;
    through(bytes, &stream.readable(), &stream.writable()).await
}

/// `bytes` inflated.
pub async fn inflate_raw(bytes: &[u8]) -> Result<Vec<u8>, Failed> {
    let stream = DecompressionStream::new(FORMAT).map_err(|_| Failed)?;
    through(bytes, &stream.readable(), &stream.writable()).await
}

/// `bytes` through a transform stream, gathered by a `Response`.
async fn through(
    bytes: &[u8],
    readable: &ReadableStream,
    writable: &WritableStream,
) -> Result<Vec<u8>, Failed> {
    let run = async {
        let source = Response::new_with_opt_u8_array(Some(&mut bytes.to_vec()))?
            .body()
            .ok_or(JsValue::NULL)?;
        let out = source.pipe_through(&ReadableWritablePair::new(readable, writable));
        let response = Response::new_with_opt_readable_stream(Some(&out))?;
        let buffer = JsFuture::from(response.array_buffer()?).await?;
        Ok::<_, JsValue>(Uint8Array::new(&buffer).to_vec())
    };
    run.await.map_err(|_| Failed)
}
