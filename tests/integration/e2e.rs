//! End to end: the real binary in tmux. Waits for text on screen (polling), never for a fixed
//! time. Skipped, with a note, where tmux is not installed (CI installs it).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    dir: tempfile::TempDir,
}

impl Tmux {
    fn new(name: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("tmux is not installed: skipping the end-to-end test {name}");
            return None;
        }
        let socket = format!("dossier-e2e-{name}-{}", std::process::id());
        Some(Tmux {
            socket,
            dir: tempfile::tempdir().unwrap(),
        })
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Start dossier in a shell that records the terminal mode before and after, and stays
    /// open when dossier ends so the screen can be read.
    fn start(&self, env: &str) {
        let bin = env!("CARGO_BIN_EXE_dossier");
        let dir = self.dir.path().display();
        let script = format!(
            "stty -g > {dir}/before; sh -c 'echo $$ > {dir}/pid; exec env {env} {bin}'; echo exit=$?; stty -g > {dir}/after; echo DONE; sleep 60"
        );
        self.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            "100",
            "-y",
            "30",
            "sh",
            "-c",
            &script,
        ]);
        self.tmux(&["set", "-s", "escape-time", "0"]);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |screen| screen.contains(text))
    }

    /// Wait until `text` has left the screen: a key that closes an overlay must be read
    /// before the next is sent, or the two may arrive as one (`Escape` then `q` is Alt-q).
    fn wait_for_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to go"), |screen| !screen.contains(text))
    }

    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    fn assert_restored(&self) {
        let flags = self.tmux(&[
            "display",
            "-p",
            "#{alternate_on} #{cursor_flag} #{mouse_any_flag}",
        ]);
        assert_eq!(
            flags.trim(),
            "0 1 0",
            "alternate screen off, cursor shown, mouse released"
        );
        let read = |p: &Path| std::fs::read_to_string(p).unwrap();
        assert_eq!(
            read(&self.file("before")),
            read(&self.file("after")),
            "stty settings restored"
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

#[test]
fn open_search_quit_and_the_terminal_is_restored() {
    let Some(t) = Tmux::new("quit") else { return };
    t.start("");
    t.wait_for("TIMELINE");
    t.wait_for("Security cooperation");
    // 004 (2024-07-05) is the last of the timeline.
    t.keys(&["G", "Enter"]);
    t.wait_for("READER");
    t.wait_for("Relations with New Zealand");
    t.keys(&["/", "n", "a", "t", "o"]);
    t.wait_for("/nato");
    t.wait_for("1/23 matches");
    t.keys(&["Enter", "n"]);
    t.wait_for("2/23 matches");
    t.keys(&["?"]);
    t.wait_for("Keys · Esc closes");
    t.keys(&["Escape"]);
    t.wait_for_gone("Keys · Esc closes");
    t.wait_for("READER");
    t.keys(&["q"]);
    let screen = t.wait_for("DONE");
    assert!(screen.contains("exit=0"), "{screen}");
    t.assert_restored();
}

#[test]
fn c_reads_two_sources_side_by_side() {
    let Some(t) = Tmux::new("compare") else {
        return;
    };
    t.start("");
    t.wait_for("TIMELINE");
    // 000 is fourth, after the three sources placed by inferred dates.
    t.keys(&["j", "j", "j"]);
    // The reader's border says so once the shared-passage index has arrived.
    t.wait_for("c compares");
    t.keys(&["c"]);
    t.wait_for("COMPARE");
    let screen = t.wait_for("% shared");
    assert!(screen.contains("000_c913cf1023a538cf") && screen.contains("001_508e187d9efd2fdc"));
    assert_eq!(
        screen.matches("While in Brussels").count(),
        2,
        "the shared sentence in both panes:\n{screen}"
    );
    t.keys(&["]"]);
    t.wait_for("passage 1/2");
    t.keys(&["Escape"]);
    t.wait_for("TIMELINE");
    t.keys(&["q"]);
    t.wait_for("DONE");
}

#[test]
fn t_shows_the_events_and_enter_reads_one() {
    let Some(t) = Tmux::new("events") else {
        return;
    };
    t.start("");
    t.wait_for("≈2023-04");
    t.keys(&["t"]);
    t.wait_for("EVENTS");
    t.wait_for("─ 2022 ─");
    t.keys(&["G", "Enter"]);
    t.wait_for("READER");
    let screen = t.wait_for("75th anniversary");
    assert!(screen.contains("001_508e187d9efd2fdc"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("DONE");
}

#[test]
fn ctrl_p_finds_a_quote_and_enter_opens_it() {
    let Some(t) = Tmux::new("find") else { return };
    t.start("");
    t.wait_for("TIMELINE");
    t.keys(&["C-p"]);
    t.wait_for("Find:");
    t.keys(&["-l", "quotes: must be prepared"]);
    let screen = t.wait_for("New Zealand must be prepared to do its part");
    assert!(screen.contains("› must be prepared"), "{screen}");
    t.keys(&["Enter"]);
    t.wait_for("READER");
    t.wait_for("002_f514365add965c11");
    t.keys(&["q"]);
    t.wait_for("DONE");
}

#[test]
fn a_panic_restores_the_terminal_and_reports() {
    let Some(t) = Tmux::new("panic") else { return };
    t.start("DOSSIER_TEST_PANIC=1");
    let screen = t.wait_for("DONE");
    assert!(
        screen.contains("panic requested by DOSSIER_TEST_PANIC"),
        "{screen}"
    );
    assert!(screen.contains("exit=101"), "{screen}");
    t.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let Some(t) = Tmux::new("term") else { return };
    t.start("");
    t.wait_for("TIMELINE");
    let pid = std::fs::read_to_string(t.file("pid")).unwrap();
    let killed = Command::new("kill")
        .args(["-TERM", pid.trim()])
        .status()
        .unwrap();
    assert!(killed.success());
    let screen = t.wait_for("DONE");
    assert!(screen.contains("exit=0"), "{screen}");
    t.assert_restored();
}

#[test]
fn the_terminal_going_away_ends_dossier() {
    let Some(t) = Tmux::new("hup") else { return };
    t.start("");
    t.wait_for("TIMELINE");
    let pid = std::fs::read_to_string(t.file("pid"))
        .unwrap()
        .trim()
        .to_string();
    // Killing the server closes the pty: dossier gets SIGHUP and must exit, not spin.
    t.tmux(&["kill-server"]);
    let deadline = Instant::now() + Duration::from_secs(20);
    while Path::new(&format!("/proc/{pid}")).exists() {
        let state = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        if state.contains("State:\tZ") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "dossier {pid} is still running after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}
