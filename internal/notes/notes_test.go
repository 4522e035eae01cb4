package notes

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// warnings is a Warner that keeps what it hears.
type warnings []string

func (w *warnings) Warnf(format string, a ...any) { *w = append(*w, fmt.Sprintf(format, a...)) }

const skillFile = `name = "Alice Example"   # keep this comment
role = "senior-pm"

[levels]
negotiation = 2

[private]
notes = "Wants to lead the pricing work"  # plain for now
`

// repoWith writes a coaching repository whose coach.toml lists the
// recipients, with alice's skill file, and loads it.
func repoWith(t *testing.T, recipients ...string) *skills.Repo {
	t.Helper()
	dir := t.TempDir()
	config := "[private]\nrecipients = []\n"
	if len(recipients) > 0 {
		config = "[private]\nrecipients = [\"" + strings.Join(recipients, "\", \"") + "\"]\n"
	}
	if err := os.WriteFile(filepath.Join(dir, skills.ConfigFile), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, skills.SkillsDir), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, skills.SkillsDir, "alice.toml"), []byte(skillFile), 0o644); err != nil {
		t.Fatal(err)
	}
	repo, err := skills.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return repo
}

func identityFile(t *testing.T, id *age.X25519Identity) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "identity.txt")
	if err := os.WriteFile(f, []byte(id.String()+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

// Plain notes are read as they are, with a warning at their line; encrypted
// to coach.toml's recipient, only the notes' text in the file changes, and
// the recipient's identity reads them back.
func TestEncryptAndOpen(t *testing.T) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	repo := repoWith(t, id.Recipient().String())
	target, err := Read(repo, "alice")
	if err != nil {
		t.Fatal(err)
	}
	var w warnings
	plain, err := Open(target, nil, &w)
	if err != nil {
		t.Fatal(err)
	}
	if plain != "Wants to lead the pricing work" {
		t.Errorf("plain notes read as %q", plain)
	}
	want := warnings{"skills/alice.toml:8:9: the notes are plain text; encrypt them with `coach notes alice --encrypt`"}
	if diff := cmp.Diff(want, w); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}

	rs, err := Recipients(repo)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(target, "Wants to lead the pricing work\nAsk about the offsite", rs); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(target.File)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(src), "pricing") {
		t.Errorf("the plain text is still in the file:\n%s", src)
	}
	before, _, _ := strings.Cut(skillFile, "notes =")
	if !strings.HasPrefix(string(src), before) {
		t.Errorf("the file changed outside its notes:\n%s", src)
	}
	again, err := Read(repo, "alice")
	if err != nil {
		t.Fatal(err)
	}
	if !again.Notes.Encrypted() {
		t.Fatalf("the notes are not encrypted:\n%s", src)
	}
	w = nil
	plain, err = Open(again, []string{identityFile(t, id)}, &w)
	if err != nil {
		t.Fatal(err)
	}
	if plain != "Wants to lead the pricing work\nAsk about the offsite" || len(w) > 0 {
		t.Errorf("decrypted %q with warnings %q", plain, w)
	}

	// Another key cannot read them, and the error says how to get access.
	other, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(again, []string{identityFile(t, other)}, &w)
	if !errors.Is(err, skills.ErrNotRecipient) || !strings.Contains(err.Error(), "run `coach notes alice --encrypt`") {
		t.Errorf("another key: got %v, want ErrNotRecipient with the fix", err)
	}
}

// Notes that change on disk between reading and writing are not
// overwritten.
func TestWriteRefusesNotesChangedSinceRead(t *testing.T) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	repo := repoWith(t, id.Recipient().String())
	target, err := Read(repo, "alice")
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(skillFile, "pricing", "hiring", 1)
	if err := os.WriteFile(target.File, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	rs, err := Recipients(repo)
	if err != nil {
		t.Fatal(err)
	}
	err = Write(target, "new notes", rs)
	if err == nil || !strings.Contains(err.Error(), "changed while coach was working on them") {
		t.Errorf("got %v, want the refusal", err)
	}
	if src, _ := os.ReadFile(target.File); string(src) != changed {
		t.Errorf("the file was written:\n%s", src)
	}
}

// No recipient, no identity, an identity that is not one: wrong usage,
// each with its fix.
func TestUsageErrors(t *testing.T) {
	_, err := Recipients(repoWith(t))
	var usage *UsageError
	if !errors.As(err, &usage) || !strings.Contains(usage.UsageHint(), "age-keygen") {
		t.Errorf("no recipients: got %v, want a UsageError with the fix", err)
	}

	t.Setenv(IdentityEnv, filepath.Join(t.TempDir(), "missing.txt"))
	target := &Target{ID: "alice", Path: "skills/alice.toml", Notes: skills.Notes{Present: true, Value: "-----BEGIN AGE ENCRYPTED FILE-----\nx\n-----END AGE ENCRYPTED FILE-----\n"}}
	if !target.Notes.Encrypted() {
		t.Fatal("the test's notes do not look encrypted")
	}
	_, err = Open(target, nil, &warnings{})
	if !errors.As(err, &usage) || !strings.Contains(usage.Msg, "missing.txt") || !strings.Contains(usage.Hint, "--identity") {
		t.Errorf("%s names a missing file: got %v", IdentityEnv, err)
	}

	bad := filepath.Join(t.TempDir(), "identity.txt")
	if err := os.WriteFile(bad, []byte("not a key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Open(target, []string{bad}, &warnings{})
	if !errors.As(err, &usage) || !strings.HasPrefix(usage.Msg, "read identity "+bad) {
		t.Errorf("a file that is no identity: got %v", err)
	}
}

func TestWithPlan(t *testing.T) {
	for _, tt := range []struct{ plain, want string }{
		{"Talk about the offsite\n\n", "# Plan\n\n## Private notes\n\n_Decrypted for this terminal; never written to a file._\n\nTalk about the offsite\n"},
		{" \n", "# Plan\n\n## Private notes\n\n_Decrypted for this terminal; never written to a file._\n\nNone.\n"},
	} {
		if diff := cmp.Diff(tt.want, string(WithPlan([]byte("# Plan\n"), tt.plain))); diff != "" {
			t.Errorf("WithPlan(%q) (-want +got):\n%s", tt.plain, diff)
		}
	}
}
