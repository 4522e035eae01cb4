package feedback

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
	"github.com/coach-dev/coach/internal/notes"
	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

func identity(t *testing.T) *age.X25519Identity {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

var entry = Entry{About: "alice", Author: "omar", Date: "2026-11-12",
	Well: "Three options, each priced.", Change: "Bring Finance in earlier.",
	Skills: []string{"negotiation"}, Work: "the launch scope"}

func repoWith(recipients ...*age.X25519Identity) *skills.Repo {
	repo := &skills.Repo{Config: skills.DefaultConfig()}
	for _, r := range recipients {
		repo.Config.Private.Recipients = append(repo.Config.Private.Recipients, r.Recipient().String())
	}
	return repo
}

// Feedback sealed to coach.toml's two recipients opens with either key,
// and with no other.
func TestRoundTripTwoRecipients(t *testing.T) {
	maya, sam, stranger := identity(t), identity(t), identity(t)
	rs, err := Recipients(repoWith(maya, sam), "alice")
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := Seal(entry, rs)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(sealed), "Finance") || strings.Contains(string(sealed), "omar") {
		t.Fatalf("the sealed file holds plain text:\n%s", sealed)
	}
	for _, id := range []*age.X25519Identity{maya, sam} {
		got, err := Open(sealed, []age.Identity{id})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(entry, got); diff != "" {
			t.Errorf("round trip (-want +got):\n%s", diff)
		}
	}
	if _, err := Open(sealed, []age.Identity{stranger}); !errors.Is(err, skills.ErrNotRecipient) {
		t.Errorf("a stranger's key: %v, want ErrNotRecipient", err)
	}
}

// A recipient removed from coach.toml reads no feedback written after, and
// still reads what was encrypted to them before: removing a key does not
// revoke it (README "Peer feedback").
func TestRoundTripRemovedRecipient(t *testing.T) {
	maya, sam := identity(t), identity(t)
	before, _ := Recipients(repoWith(maya, sam), "alice")
	old, err := Seal(entry, before)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := Recipients(repoWith(maya), "alice")
	later := entry
	later.Change = "Write the memo before the meeting."
	sealed, err := Seal(later, after)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(sealed, []age.Identity{sam}); !errors.Is(err, skills.ErrNotRecipient) {
		t.Errorf("the removed recipient opened feedback written after: %v", err)
	}
	if got, err := Open(sealed, []age.Identity{maya}); err != nil || got.Change != later.Change {
		t.Errorf("the remaining recipient: %+v, %v", got, err)
	}
	if got, err := Open(old, []age.Identity{sam}); err != nil || got.Change != entry.Change {
		t.Errorf("the removed recipient's old feedback: %+v, %v", got, err)
	}
}

// With share_with_person, the person's own key reads it too; without a key
// for them, nothing is encrypted.
func TestShareWithPerson(t *testing.T) {
	maya, alice := identity(t), identity(t)
	repo := repoWith(maya)
	repo.Config.Feedback.ShareWithPerson = true
	var usage *notes.UsageError
	if _, err := Recipients(repo, "alice"); !errors.As(err, &usage) ||
		usage.Msg != "coach.toml's [feedback] share_with_person is on, and [feedback.keys] has no key for alice: the feedback could not be shared with them" {
		t.Fatalf("no key for alice: %v", err)
	}
	repo.Config.Feedback.Keys = map[string]string{"alice": alice.Recipient().String()}
	rs, err := Recipients(repo, "alice")
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := Seal(entry, rs)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []*age.X25519Identity{maya, alice} {
		if _, err := Open(sealed, []age.Identity{id}); err != nil {
			t.Error(err)
		}
	}
	if _, err := Recipients(repoWith(), "alice"); !errors.As(err, &usage) {
		t.Errorf("no recipients: %v, want a usage error", err)
	}
}

func TestParseForm(t *testing.T) {
	m, err := skills.DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	form := Form(&skills.Person{ID: "alice", Name: "Alice Example"}, m)
	filled := strings.Replace(form, "[does well]\n", "[does well]\nThree options, each priced.\n", 1)
	filled = strings.Replace(filled, "[skills]\n", "[skills]\nNegotiation and trade-offs, coaching, juggling\n", 1)
	filled = strings.Replace(filled, "[work]\n", "[work]\nthe launch scope\n", 1)
	got, unknown, err := Parse(filled, m)
	if err != nil {
		t.Fatal(err)
	}
	want := Entry{Well: "Three options, each priced.", Skills: []string{"negotiation", "coaching", "juggling"}, Work: "the launch scope"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parse (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"juggling"}, unknown); diff != "" {
		t.Errorf("unknown skills (-want +got):\n%s", diff)
	}
	if _, _, err := Parse(form, m); !errors.Is(err, ErrEmpty) {
		t.Errorf("the blank form: %v, want ErrEmpty", err)
	}
	if _, _, err := Parse("[done well]\nx\n", m); err == nil || err.Error() != "line 1: unknown section [done well]; the form has [does well], [to change], [skills] and [work]" {
		t.Errorf("an unknown section: %v", err)
	}
}

// Create writes a new file each time, never over one, and refuses to write
// anything that is not encrypted.
func TestCreateExclusive(t *testing.T) {
	root := t.TempDir()
	sealed, err := Seal(entry, []age.Recipient{identity(t).Recipient()})
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 12, 0, 0, 0, 0, time.UTC)
	seen := map[string]bool{}
	for range 5 {
		rel, err := Create(context.Background(), root, "alice", day, sealed)
		if err != nil {
			t.Fatal(err)
		}
		if seen[rel] || !strings.HasPrefix(rel, "feedback/alice/2026-11-12-") {
			t.Fatalf("Create wrote %s (again?)", rel)
		}
		seen[rel] = true
	}
	if _, err := Create(context.Background(), root, "alice", day, []byte("plain words\n")); err == nil {
		t.Error("Create wrote plain text")
	}
	entries, _ := os.ReadDir(filepath.Join(root, "feedback", "alice"))
	if len(entries) != 5 {
		t.Errorf("%d files, want 5", len(entries))
	}
}

func TestProblems(t *testing.T) {
	root := t.TempDir()
	sealed, err := Seal(entry, []age.Recipient{identity(t).Recipient()})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"feedback/alice/2026-11-12-abcdefgh.age": sealed,
		"feedback/alice/notes.md":                []byte("\n\nShe is great.\n"),
		"feedback/alice/old.age":                 sealed,
		"feedback/zoe/2026-11-12-abcdefgh.age":   sealed,
	} {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	repo := &skills.Repo{Root: root, People: []*skills.Person{{ID: "alice"}}}
	var got []string
	for _, p := range Problems(repo) {
		got = append(got, p.String())
	}
	want := []string{
		"feedback/alice/notes.md:3:1: plain text under feedback/: anyone with a clone of the repository can read it; delete the file (and `git rm --cached feedback/alice/notes.md` if it was staged), then write it again with `coach feedback NAME --as YOU`, which encrypts it; if it was committed, purge it from history: README \"Plain text that was committed\"",
		"feedback/alice/old.age: warning: coach counts and reads feedback named feedback/NAME/DATE-ID.age only, and not this file; rename it to feedback/NAME/YYYY-MM-DD-xxxxxxxx.age, as `coach feedback` names it",
		"feedback/zoe/: warning: feedback about zoe, who has no skill file: no plan counts it; move it to the folder of the person it is about, or add their skill file",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
