package main

import (
	"bytes"
	"github.com/coach-dev/coach/internal/notes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// notesRepo is a coaching repository with two recipients and one person whose
// notes are encrypted to both, committed to git.
type notesRepo struct {
	dir                  string
	leader, comanager    string // identity files
	leaderID, comanageID *age.X25519Identity
	skill                string // skills/alice.toml on disk
}

const aliceNotes = "Wants to move to the London office in 2027; discuss relocation only with HR present.\n"

func newNotesRepo(t *testing.T) *notesRepo {
	t.Helper()
	r := &notesRepo{dir: t.TempDir()}
	keys := t.TempDir() // identities live outside the repository
	for _, k := range []struct {
		id   **age.X25519Identity
		file *string
		name string
	}{{&r.leaderID, &r.leader, "leader.txt"}, {&r.comanageID, &r.comanager, "comanager.txt"}} {
		id, err := age.GenerateX25519Identity()
		if err != nil {
			t.Fatal(err)
		}
		*k.id = id
		*k.file = filepath.Join(keys, k.name)
		if err := os.WriteFile(*k.file, []byte("# public key: "+id.Recipient().String()+"\n"+id.String()+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	armored, err := skills.EncryptNotes(aliceNotes, []age.Recipient{r.leaderID.Recipient(), r.comanageID.Recipient()})
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) {
		path := filepath.Join(r.dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("coach.toml", "[private]\nrecipients = [\n  \""+r.leaderID.Recipient().String()+"\", # Maya\n  \""+
		r.comanageID.Recipient().String()+"\", # Sam\n]\n")
	write("skills/alice.toml", `#:schema ../.coach/skill.schema.json
name = "Alice Example"   # keep this comment
role = "senior-pm"

[levels]
negotiation = 2
communication = 3

[private]
notes = """
`+armored+`"""  # encrypted with age

[[evidence]]
date = 2026-11-10
skill = "negotiation"
text = "Agreed launch scope with Sales without escalation"
`)
	r.skill = filepath.Join(r.dir, "skills", "alice.toml")
	// The leader who runs coach is the one who committed the recipients.
	t.Setenv("GIT_COMMITTER_EMAIL", "maya@example.com")
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"},
		{"add", "-A"},
		{"-c", "user.name=Maya Okafor", "-c", "user.email=maya@example.com", "commit", "-q", "-m", "Alice's notes"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = r.dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+r.dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return r
}

func (r *notesRepo) coach(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(append([]string{"coach", "-C", r.dir}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

func (r *notesRepo) decrypt(t *testing.T, id age.Identity) string {
	t.Helper()
	src, err := os.ReadFile(r.skill)
	if err != nil {
		t.Fatal(err)
	}
	n, err := skills.FindNotes(src)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := skills.DecryptNotes(n.Value, []age.Identity{id})
	if err != nil {
		t.Fatal(err)
	}
	return plain
}

// editor writes a shell script that stands in for the leader's editor, and
// makes it $EDITOR. The script logs the file it was given and the modes of
// the file and its directory to log, then runs body.
func editor(t *testing.T, body string) (log string) {
	t.Helper()
	dir := t.TempDir()
	log = filepath.Join(dir, "editor.log")
	script := filepath.Join(dir, "editor.sh")
	src := "#!/bin/sh\nls -ld \"$(dirname \"$1\")\" \"$1\" > " + log + "\n" + body + "\n"
	if err := os.WriteFile(script, []byte(src), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", script)
	return log
}

// privateTemp makes TMPDIR a fresh directory, so that what the edit leaves
// there can be seen.
func privateTemp(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	return dir
}

// noPlainText fails when any file under dir holds text.
func noPlainText(t *testing.T, dir, text string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Contains(data, []byte(text)) {
			t.Errorf("%s holds the plain text %q", path, text)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func emptyDir(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("left in the temporary directory: %s", e.Name())
	}
}

// --edit decrypts to a private file, runs the editor, encrypts what it saved
// to every recipient, and changes nothing else in the skill file; the plain
// text is left nowhere.
func TestNotesEdit(t *testing.T) {
	r := newNotesRepo(t)
	tmp := privateTemp(t)
	log := editor(t, `echo "Second line: build the promotion case in January." >> "$1"`)
	before, err := os.ReadFile(r.skill)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(r.skill, 0o600); err != nil {
		t.Fatal(err)
	}

	code, stdout, stderr := r.coach(t, "notes", "alice", "--edit", "--identity", r.leader)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing", stdout)
	}
	if want := "coach: wrote skills/alice.toml: the notes are encrypted to 2 recipient(s)\n"; stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}

	// The editor saw a 0600 file in a 0700 directory.
	logged, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(logged)), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "drwx------ ") || !strings.HasPrefix(lines[1], "-rw------- ") {
		t.Errorf("the editor's file and directory modes:\n%s\nwant drwx------ and -rw-------", logged)
	}

	// Both recipients read the new notes.
	want := aliceNotes + "Second line: build the promotion case in January.\n"
	for _, id := range []age.Identity{r.leaderID, r.comanageID} {
		if got := r.decrypt(t, id); got != want {
			t.Errorf("notes = %q, want %q", got, want)
		}
	}

	// Every byte around the notes is as it was.
	after, err := os.ReadFile(r.skill)
	if err != nil {
		t.Fatal(err)
	}
	old, err := skills.FindNotes(before)
	if err != nil {
		t.Fatal(err)
	}
	cur, err := skills.FindNotes(after)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(before[:old.Start]), string(after[:cur.Start])); diff != "" {
		t.Errorf("the file before the notes changed (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(string(before[old.End:]), string(after[cur.End:])); diff != "" {
		t.Errorf("the file after the notes changed (-want +got):\n%s", diff)
	}
	if old.Value == cur.Value {
		t.Error("the notes' ciphertext did not change")
	}
	if fi, err := os.Stat(r.skill); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the skill file's mode is not kept: %v, %v", fi.Mode(), err)
	}

	// No plain text anywhere: not in the temporary directory, not in the
	// repository (work tree and .git).
	emptyDir(t, tmp)
	noPlainText(t, r.dir, "promotion case")
	noPlainText(t, r.dir, "London")

	// And check is happy with the result.
	if code, _, stderr := r.coach(t, "check"); code != 0 {
		t.Errorf("check exit %d after the edit:\n%s", code, stderr)
	}
}

// An editor that fails, or Ctrl-C while it is open, changes nothing and
// still removes the plain text.
func TestNotesEditInterrupted(t *testing.T) {
	tests := []struct {
		name, body string
		code       int
		stderr     string
	}{
		{name: "editor fails", body: `echo "half a thought" >> "$1"; exit 3`, code: 2,
			stderr: "coach: the editor (EDITOR) failed: exit status 3; the notes were not changed\n"},
		{name: "Ctrl-C", body: `echo "half a thought" >> "$1"; kill -INT ` + strconv.Itoa(os.Getpid()) + `; exit 130`, code: 130,
			stderr: "coach: interrupted; the notes were not changed and the temporary file was removed\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newNotesRepo(t)
			tmp := privateTemp(t)
			editor(t, tt.body)
			before, err := os.ReadFile(r.skill)
			if err != nil {
				t.Fatal(err)
			}
			code, _, stderr := r.coach(t, "notes", "alice", "--edit", "--identity", r.comanager)
			stderr = strings.ReplaceAll(stderr, os.Getenv("EDITOR"), "EDITOR")
			if code != tt.code || stderr != tt.stderr {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, stderr, tt.code, tt.stderr)
			}
			after, err := os.ReadFile(r.skill)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before, after) {
				t.Error("the skill file changed")
			}
			emptyDir(t, tmp)
			noPlainText(t, r.dir, "half a thought")
			noPlainText(t, r.dir, "London")
		})
	}
}

// Reading the notes takes a recipient's key, and a terminal or --pipe.
func TestNotesShow(t *testing.T) {
	r := newNotesRepo(t)
	outsider, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	outsiderFile := filepath.Join(t.TempDir(), "outsider.txt")
	if err := os.WriteFile(outsiderFile, []byte(outsider.String()+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(notes.IdentityEnv, "")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // no default identity
	tests := []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string
	}{
		{name: "leader", args: []string{"--identity", r.leader, "--pipe"}, code: 0, stdout: aliceNotes},
		{name: "co-manager", args: []string{"-i", r.comanager, "--pipe"}, code: 0, stdout: aliceNotes},
		{name: "not a recipient", args: []string{"--identity", outsiderFile, "--pipe"}, code: 1,
			stderr: "coach: skills/alice.toml: none of your keys can open the notes: they are encrypted to 2 other key(s) (tried OUTSIDER); a recipient can add your public key to coach.toml's [private] recipients and run `coach notes alice --encrypt`\n"},
		{name: "not a terminal", args: []string{"--identity", r.leader}, code: 2,
			stderr: "coach: stdout is not a terminal: the plain text would be left wherever it goes\ncoach: hint: run `coach notes alice` in a terminal, or add --pipe if you mean to send it there\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := r.coach(t, append([]string{"notes", "alice"}, tt.args...)...)
			stderr = strings.ReplaceAll(stderr, outsiderFile, "OUTSIDER")
			if code != tt.code || stdout != tt.stdout || stderr != tt.stderr {
				t.Errorf("exit %d\nstdout %q\nstderr %q\nwant %d\nstdout %q\nstderr %q", code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}

// --edit also starts notes where there are none, and turns plain-text notes
// into encrypted ones; the rest of the file is kept.
func TestNotesEditStartsAndEncrypts(t *testing.T) {
	const head = "name = \"Alice Example\"\nrole = \"senior-pm\"\n\n[levels]\nnegotiation = 2\n"
	tests := []struct {
		name, src, keep string
	}{
		{name: "no notes", src: head, keep: head},
		{name: "plain notes", src: head + "\n[private]\nnotes = \"Flight risk\"\n", keep: head + "\n[private]\nnotes = "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newNotesRepo(t)
			tmp := privateTemp(t)
			editor(t, `echo "Second thought." >> "$1"`)
			if err := os.WriteFile(r.skill, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := r.coach(t, "notes", "alice", "--edit", "--identity", r.leader)
			if code != 0 {
				t.Fatalf("exit %d:\n%s", code, stderr)
			}
			after, err := os.ReadFile(r.skill)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(after), tt.keep) {
				t.Errorf("the file's start changed:\n%s", after)
			}
			want := "Second thought.\n"
			if tt.name == "plain notes" {
				want = "Flight risk\nSecond thought.\n"
			}
			if got := r.decrypt(t, r.comanageID); got != want {
				t.Errorf("notes = %q, want %q", got, want)
			}
			emptyDir(t, tmp)
			noPlainText(t, filepath.Join(r.dir, "skills"), "Second thought")
			if code, _, stderr := r.coach(t, "check"); code != 0 {
				t.Errorf("check exit %d after the edit:\n%s", code, stderr)
			}
		})
	}
}
