//! Browser entry point: mounts the app. Everything else lives in `ui`.

fn main() {
    ctit_screening::ui::mount();
}
