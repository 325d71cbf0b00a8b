//! "下载离线版 / Download for offline use" in the footer: the hosted app links to
//! dist/offline.html, the single-file build (`cargo xtask build`, xtask/src/offline.rs)
//! that works opened from a file with no network. A page saved on a phone (MHTML) runs
//! no scripts, so the footer says to use this link there. The offline file itself (and
//! a page saved with "Save page as…") says what it is instead.

use yew::prelude::*;
use zhicheng_engine::Lang;

use crate::i18n::Text;
use crate::web::assets;

/// The offline file's name in dist/ (xtask/src/offline.rs writes it).
pub const FILE: &str = "offline.html";

const DOWNLOAD: Text = Text {
    zh: "下载离线版",
    en: "Download for offline use",
};
const DOWNLOAD_ABOUT: Text = Text {
    zh: "一个文件，断网时也能打开使用；资料仍只留在你的设备上。手机“保存网页”得到的副本不能运行程序，请用这个下载。",
    en: "One file that works with no network; your data still stays on your device. A page saved on a phone does not run: use this download instead.",
};
const IS_OFFLINE: Text = Text {
    zh: "这是离线版：不需要网络，也不会连接网络。",
    en: "This is the offline copy: it needs no network and connects to none.",
};

/// The footer's offline part.
pub fn footer(lang: Lang) -> Html {
    if assets::inline() {
        return html! {
            <p class="offline-note" data-offline="inline">{ IS_OFFLINE.get(lang) }</p>
        };
    }
    html! {
        <p class="offline-note">
            <a id="download-offline" class="offline-download" href={FILE} download="zhicheng-offline.html">
                { DOWNLOAD.get(lang) }
            </a>
            { " " }
            <span class="offline-about">{ DOWNLOAD_ABOUT.get(lang) }</span>
        </p>
    }
}
