//! Every binding the app writes itself, in one place: the browser APIs
//! `web-sys` does not offer as stable (Web Locks), `Storage` calls that
//! keep values as JS strings, and the app's own JavaScript helpers (the
//! typing journal, `web/journal.js`; the scan helper, `web/scan-v1.js`;
//! the benchmark's flag). Every call has its real signature, so a wrong
//! argument fails to compile instead of doing nothing at run time; no
//! other file reaches JavaScript by a name in a string (`Reflect`).

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The page's global object, for the app's helpers that may not be
    /// loaded yet (a getter returns `None` then).
    #[wasm_bindgen(extends = js_sys::Object)]
    pub type Global;
    /// `window.__ctitMarks`: set by the benchmark before the app starts,
    /// to ask for performance marks (`undefined` otherwise).
    #[wasm_bindgen(method, getter, js_name = __ctitMarks)]
    pub fn ctit_marks(this: &Global) -> Option<bool>;

    /// `localStorage`, for the calls that keep values as JS strings
    /// (`web_sys` always copies them to and from wasm memory).
    #[wasm_bindgen(extends = web_sys::Storage)]
    pub type JsStorage;
    /// `getItem`, the value kept a JS string (`null` when absent).
    #[wasm_bindgen(method, catch, js_name = getItem)]
    pub fn get_item_js(this: &JsStorage, key: &str) -> Result<Option<js_sys::JsString>, JsValue>;
    /// `setItem` with a value that is already a JS string.
    #[wasm_bindgen(method, catch, js_name = setItem)]
    pub fn set_item_js(
        this: &JsStorage,
        key: &str,
        value: &js_sys::JsString,
    ) -> Result<(), JsValue>;

    /// Journals a write or removal of `key` just made (`web/journal.js`,
    /// set up by the start before the app runs), which reads the value
    /// back when it numbers the write. Never throws; a browser without
    /// IndexedDB journals nothing (it only ends the journal's life, so
    /// nothing older is replayed over this write).
    #[wasm_bindgen(js_namespace = ctitJournal, js_name = write)]
    pub fn journal(key: &str);

    /// `navigator`, for `navigator.locks` (absent in older browsers).
    #[wasm_bindgen(extends = js_sys::Object)]
    pub type NavigatorLocks;
    #[wasm_bindgen(method, getter, js_name = locks)]
    fn locks(this: &NavigatorLocks) -> Option<LockManager>;

    /// The Web Locks API's `LockManager`: one lock held across every tab
    /// of the origin at a time.
    pub type LockManager;
    /// `locks.request(name, callback)`: runs `callback` while holding the
    /// lock `name`; the promise settles when the callback's result does.
    #[wasm_bindgen(method)]
    fn request(
        this: &LockManager,
        name: &str,
        callback: &Closure<dyn FnMut(JsValue) -> JsValue>,
    ) -> js_sys::Promise;

    /// `globalThis.ctitScan`: the scan screen's camera and picture helper
    /// (`web/scan-v1.js`, loaded with that screen).
    pub type ScanHelper;
    #[wasm_bindgen(method, getter, js_name = ctitScan)]
    pub fn ctit_scan(this: &Global) -> Option<ScanHelper>;
    /// Starts the rear camera into `video` (resolves once it plays).
    #[wasm_bindgen(method, catch)]
    pub async fn start(
        this: &ScanHelper,
        video: &web_sys::HtmlVideoElement,
    ) -> Result<JsValue, JsValue>;
    /// Stops every track of the camera shown in `video`.
    #[wasm_bindgen(method)]
    pub fn stop(this: &ScanHelper, video: &web_sys::HtmlVideoElement);
    /// Whether the browser reads QR codes itself (`BarcodeDetector`).
    #[wasm_bindgen(method)]
    pub fn native(this: &ScanHelper) -> bool;
    /// The QR codes' texts the browser finds in `source`, or `null`.
    #[wasm_bindgen(method, catch)]
    pub async fn detect(this: &ScanHelper, source: &JsValue) -> Result<JsValue, JsValue>;
    /// Greyscale pixels of a frame or picture, or `null` before a frame.
    #[wasm_bindgen(method)]
    pub fn luma(this: &ScanHelper, source: &JsValue) -> Option<Luma>;
    /// A chosen photo as a picture to read.
    #[wasm_bindgen(method, catch)]
    pub async fn picture(this: &ScanHelper, file: &web_sys::File) -> Result<JsValue, JsValue>;

    /// One frame's greyscale pixels: `{width, height, luma}`.
    pub type Luma;
    #[wasm_bindgen(method, getter)]
    pub fn width(this: &Luma) -> u32;
    #[wasm_bindgen(method, getter)]
    pub fn height(this: &Luma) -> u32;
    #[wasm_bindgen(method, getter)]
    pub fn luma(this: &Luma) -> js_sys::Uint8Array;
}

/// The page's global object.
pub fn global() -> Global {
    js_sys::global().unchecked_into()
}

/// Runs `work` while this tab holds the Web Lock `name`, so no other tab
/// of the app runs work under the same lock at the same time; the result
/// is `work`'s. Where the browser has no Web Locks (Safari before 15.4),
/// or refuses the request, `work` runs without it: the caller's own check
/// before writing is then the only guard.
pub async fn with_lock<T: 'static>(name: &str, work: impl FnOnce() -> T + 'static) -> T {
    use std::cell::RefCell;
    use std::rc::Rc;
    let work = Rc::new(RefCell::new(Some(work)));
    let result = Rc::new(RefCell::new(None::<T>));
    let locks =
        web_sys::window().and_then(|w| w.navigator().unchecked_into::<NavigatorLocks>().locks());
    if let Some(locks) = locks {
        let (todo, slot) = (work.clone(), result.clone());
        let callback = Closure::<dyn FnMut(JsValue) -> JsValue>::new(move |_lock: JsValue| {
            if let Some(w) = todo.borrow_mut().take() {
                *slot.borrow_mut() = Some(w());
            }
            JsValue::UNDEFINED
        });
        let _ = wasm_bindgen_futures::JsFuture::from(locks.request(name, &callback)).await;
    }
    let done = result.borrow_mut().take();
    match done {
        Some(value) => value,
        None => {
            let w = work.borrow_mut().take();
            match w {
                Some(w) => w(),
                // (Taken only by the callback, which then set the result.)
                None => unreachable!("the lock's callback ran and kept its result"),
            }
        }
    }
}
