// Package feedback writes, encrypts, reads and checks peer feedback: what a
// colleague saw a person do well and one thing to change, kept in
// feedback/NAME/DATE-ID.age, encrypted with age to coach.toml's [private]
// recipients (and to the person, when the team shares feedback with them).
//
// Who wrote a piece of feedback is inside the encrypted text only; its name
// holds its date and a random id. The plain text exists in this process's
// memory, on a terminal, and, while the author's editor is open, in a 0600
// file in a private temporary directory (see notes.EditText). Identities,
// recipients and the guard against recipients the author has not seen are
// those of package notes.
package feedback

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"filippo.io/age"
	"filippo.io/age/armor"
	"github.com/BurntSushi/toml"
	"github.com/coach-dev/coach/internal/atomicfile"
	"github.com/coach-dev/coach/internal/notes"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/skills"
)

// MaxSize bounds the plain text of one piece of feedback: a page is a lot
// of feedback; more is a mistake. maxSealed bounds the file read back.
const (
	MaxSize   = 16 << 10
	maxSealed = 4*MaxSize + 64<<10
)

const armorHeader = "-----BEGIN AGE ENCRYPTED FILE-----"

// Entry is one piece of feedback, as its encrypted text holds it.
type Entry struct {
	About  string   `toml:"about"`
	Author string   `toml:"author"`
	Date   string   `toml:"date"`
	Well   string   `toml:"does_well"`
	Change string   `toml:"to_change"`
	Skills []string `toml:"skills"`
	Work   string   `toml:"work"`
}

// Form is the text the author fills in, in their editor, about person.
func Form(person *skills.Person, m *skills.Matrix) string {
	first, _, _ := strings.Cut(strings.TrimSpace(person.Name), " ")
	if first == "" {
		first = person.ID
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Feedback on %s. Lines that start with # are left out; leave\n", person.Name)
	b.WriteString("# both answers empty to write nothing. It is encrypted before it is saved:\n")
	b.WriteString("# only coach.toml's [private] recipients can read it (and the person, where\n")
	b.WriteString("# the team shares feedback), and your name is inside it only.\n")
	fmt.Fprintf(&b, "\n[does well]\n# What %s does well: a moment you saw, and what it changed.\n\n", first)
	fmt.Fprintf(&b, "\n[to change]\n# One thing %s could do differently, and what it would change.\n\n", first)
	b.WriteString("\n[skills]\n# The skills it is about, by id, separated by commas:\n")
	if m != nil {
		var ids []string
		for _, s := range m.Skills {
			ids = append(ids, s.ID)
		}
		for _, line := range wrap(ids, 72) {
			b.WriteString("#   " + line + "\n")
		}
	}
	b.WriteString("\n\n[work]\n# The work it is about: a launch, a project, a meeting.\n\n")
	return b.String()
}

// wrap joins words with ", " into lines of at most width.
func wrap(words []string, width int) []string {
	var out []string
	line := ""
	for _, w := range words {
		switch {
		case line == "":
			line = w
		case len(line)+2+len(w) > width:
			out = append(out, line+",")
			line = w
		default:
			line += ", " + w
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// ErrEmpty means the form came back with neither answer: nothing is written.
var ErrEmpty = errors.New("the feedback is empty (neither what they do well nor one thing to change); nothing was written")

// Parse reads a filled-in form. Skills are matrix ids or names; one the
// matrix does not know is kept as written, and returned in unknown.
func Parse(text string, m *skills.Matrix) (e Entry, unknown []string, err error) {
	sections := map[string]*strings.Builder{}
	var cur *strings.Builder
	for i, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			name := strings.TrimSpace(t[1 : len(t)-1])
			switch name {
			case "does well", "to change", "skills", "work":
			default:
				return Entry{}, nil, fmt.Errorf("line %d: unknown section [%s]; the form has [does well], [to change], [skills] and [work]", i+1, name)
			}
			cur = &strings.Builder{}
			sections[name] = cur
			continue
		}
		if cur == nil {
			if t != "" {
				return Entry{}, nil, fmt.Errorf("line %d: text before the first section; write it under [does well] or [to change]", i+1)
			}
			continue
		}
		cur.WriteString(strings.TrimRight(line, " \t\r") + "\n")
	}
	get := func(name string) string {
		if b := sections[name]; b != nil {
			return strings.TrimSpace(b.String())
		}
		return ""
	}
	e = Entry{Well: get("does well"), Change: get("to change"), Work: get("work")}
	if e.Well == "" && e.Change == "" {
		return Entry{}, nil, ErrEmpty
	}
	for _, f := range strings.FieldsFunc(get("skills"), func(r rune) bool { return r == ',' || r == '\n' }) {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		id := skillID(m, f)
		if id == "" {
			unknown = append(unknown, f)
			id = f
		}
		if !contains(e.Skills, id) {
			e.Skills = append(e.Skills, id)
		}
	}
	return e, unknown, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// skillID is the id of the skill named s (by id or name, in any case).
func skillID(m *skills.Matrix, s string) string {
	if m == nil {
		return ""
	}
	for _, sk := range m.Skills {
		if strings.EqualFold(sk.ID, s) || strings.EqualFold(sk.Name, s) {
			return sk.ID
		}
	}
	return ""
}

// Recipients are the keys feedback about person is encrypted to:
// coach.toml's [private] recipients and, when [feedback] share_with_person
// is on, the person's key in [feedback] keys.
func Recipients(repo *skills.Repo, person string) ([]age.Recipient, error) {
	if len(repo.Config.Private.Recipients) == 0 {
		return nil, &notes.UsageError{Msg: "coach.toml lists no [private] recipients to encrypt the feedback to",
			Hint: "the managers add their public keys (the age1... line `age-keygen` prints) to coach.toml: [private] recipients = [\"age1...\"]"}
	}
	rs, err := notes.Recipients(repo)
	if err != nil {
		return nil, err
	}
	if !repo.Config.Feedback.ShareWithPerson {
		return rs, nil
	}
	key, ok := repo.Config.Feedback.Keys[person]
	if !ok {
		return nil, &notes.UsageError{Msg: fmt.Sprintf("coach.toml's [feedback] share_with_person is on, and [feedback.keys] has no key for %s: the feedback could not be shared with them", person),
			Hint: fmt.Sprintf("%s adds their public key to coach.toml: [feedback.keys] %s = \"age1...\" (the line `age-keygen` prints)", person, person)}
	}
	r, err := skills.ParseRecipient(key)
	if err != nil {
		return nil, fmt.Errorf("coach.toml: the feedback key of %s: %w", person, err)
	}
	return append(rs, r), nil
}

// CheckNewKeys refuses to encrypt feedback about person to a key that came
// into coach.toml with someone else's commit since the author's last: a
// [private] recipient, or the person's own key when feedback is shared.
func CheckNewKeys(repo *skills.Repo, person string, trust bool) error {
	if err := notes.CheckNewKeys(repo, trust, notes.Keys{What: "[private] recipients", For: "the feedback",
		List: func(c skills.Config) []string { return c.Private.Recipients }}); err != nil {
		return err
	}
	return notes.CheckNewKeys(repo, trust, notes.Keys{What: "[feedback] keys", For: "the feedback",
		List: func(c skills.Config) []string {
			if k, ok := c.Feedback.Keys[person]; ok && c.Feedback.ShareWithPerson {
				return []string{k}
			}
			return nil
		}})
}

// Seal encrypts e to the recipients as an armored age file.
func Seal(e Entry, rs []age.Recipient) ([]byte, error) {
	if len(rs) == 0 {
		return nil, errors.New("no recipients to encrypt the feedback to")
	}
	var plain bytes.Buffer
	if err := toml.NewEncoder(&plain).Encode(e); err != nil {
		return nil, err
	}
	if plain.Len() > MaxSize {
		return nil, fmt.Errorf("the feedback is %d bytes, more than the %d allowed; shorten it", plain.Len(), MaxSize)
	}
	var buf bytes.Buffer
	aw := armor.NewWriter(&buf)
	w, err := age.Encrypt(aw, rs...)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(plain.Bytes()); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	if err := aw.Close(); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// Open decrypts one piece of feedback with the first identity that can.
// None that can is an error matching skills.ErrNotRecipient. The errors of
// age, which can quote the bytes they stopped at, never reach a message.
func Open(data []byte, ids []age.Identity) (Entry, error) {
	if !Sealed(data) {
		return Entry{}, errors.New("not an encrypted age file: it is plain text")
	}
	r, err := age.Decrypt(armor.NewReader(bytes.NewReader(bytes.TrimSpace(data))), ids...)
	var noMatch *age.NoIdentityMatchError
	if errors.As(err, &noMatch) {
		return Entry{}, fmt.Errorf("%w: it is encrypted to %d other key(s)", skills.ErrNotRecipient, len(noMatch.StanzaTypes))
	}
	if err != nil {
		return Entry{}, errors.New("cannot decrypt it: the age file is damaged or was altered after it was encrypted")
	}
	plain, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return Entry{}, errors.New("cannot decrypt it: the encrypted text is damaged or was altered (it fails age's integrity check)")
	}
	if len(plain) > MaxSize {
		return Entry{}, fmt.Errorf("the decrypted feedback is more than the %d bytes allowed", MaxSize)
	}
	var e Entry
	if _, err := toml.Decode(string(plain), &e); err != nil {
		return Entry{}, errors.New("the decrypted text is not feedback that coach wrote")
	}
	return e, nil
}

// Sealed reports whether data is an armored age file with a header age can
// read: what check requires of every file under feedback/.
func Sealed(data []byte) bool {
	t := bytes.TrimSpace(data)
	if !bytes.HasPrefix(t, []byte(armorHeader)) || len(data) > maxSealed {
		return false
	}
	bin, err := io.ReadAll(armor.NewReader(bytes.NewReader(t)))
	if err != nil {
		return false
	}
	_, err = age.ExtractHeader(bytes.NewReader(bin))
	return err == nil
}

// Create writes sealed as a new piece of feedback about person dated day,
// exclusively: feedback/PERSON/DATE-ID.age, ID random. It returns the path.
func Create(ctx context.Context, root, person string, day time.Time, sealed []byte) (string, error) {
	if !Sealed(sealed) {
		return "", errors.New("refusing to write feedback that is not encrypted")
	}
	for range 3 {
		var b [5]byte
		if _, err := rand.Read(b[:]); err != nil {
			return "", err
		}
		id := strings.ToLower(base32(b[:]))
		rel := fmt.Sprintf("%s/%s/%s-%s.age", workspace.FeedbackDir, person, day.Format(time.DateOnly), id)
		err := atomicfile.Create(ctx, filepath.Join(root, filepath.FromSlash(rel)), sealed)
		if errors.Is(err, os.ErrExist) {
			continue // the same id that day: draw another
		}
		return rel, err
	}
	return "", errors.New("could not find a free name for the feedback; run again")
}

// base32 is b in lowercase base32 without padding: 5 bytes, 8 letters.
func base32(b []byte) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	var out strings.Builder
	var acc, bits uint
	for _, c := range b {
		acc = acc<<8 | uint(c)
		bits += 8
		for bits >= 5 {
			bits -= 5
			out.WriteByte(alphabet[(acc>>bits)&31])
		}
	}
	return out.String()
}

// Read decrypts every piece of feedback about person with the identities
// (the files; none: notes' defaults), oldest first.
func Read(root, person string, identityFiles []string) ([]Entry, error) {
	all, err := workspace.FeedbackFiles(root)
	if err != nil {
		return nil, err
	}
	files := all[person]
	if len(files) == 0 {
		return nil, nil
	}
	ids, from, err := notes.LoadIdentities(identityFiles)
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, f := range files {
		data, p, err := skills.ReadFile(root, f.Path, maxSealed, "a piece of feedback")
		if err != nil {
			return nil, err
		}
		if p != nil {
			return nil, &skills.ProblemsError{Problems: skills.Problems{*p}}
		}
		e, err := Open(data, ids)
		if errors.Is(err, skills.ErrNotRecipient) {
			return nil, fmt.Errorf("%s: %w (tried %s); a recipient can add your public key to coach.toml's [private] recipients, and later feedback is encrypted to you too", f.Path, err, from)
		}
		if err != nil {
			return nil, &skills.ProblemsError{Problems: skills.Problems{{Path: f.Path, Line: 1, Col: 1, Severity: skills.Error, Message: err.Error(),
				Hint: "restore it from git (git checkout -- " + f.Path + "), or remove it"}}}
		}
		if e.About != person {
			return nil, &skills.ProblemsError{Problems: skills.Problems{{Path: f.Path, Line: 1, Col: 1, Severity: skills.Error,
				Message: fmt.Sprintf("the feedback inside is about %q, and the file is in the folder of %s: it was moved or copied", e.About, person),
				Hint:    fmt.Sprintf("move it back to feedback/%s/", e.About)}}}
		}
		e.Date = f.Date // the name's date is the one plans count
		out = append(out, e)
	}
	return out, nil
}

// Render is the feedback about person grouped by skill, in the matrix's
// order, then feedback about no skill: the text `feedback --read` prints.
// A piece about several skills is under each. Control characters are
// shown, not sent to the terminal: anyone who can push can write one.
func Render(person *skills.Person, m *skills.Matrix, entries []Entry, names map[string]string) string {
	var b strings.Builder
	pieces := "pieces"
	if len(entries) == 1 {
		pieces = "piece"
	}
	fmt.Fprintf(&b, "Feedback on %s: %d %s, by skill\n", person.Name, len(entries), pieces)
	type group struct {
		title string
		items []*Entry
	}
	var groups []*group
	byID := map[string]*group{}
	if m != nil {
		for _, s := range m.Skills {
			g := &group{title: s.Name}
			byID[s.ID] = g
			groups = append(groups, g)
		}
	}
	var other []string
	none := &group{title: "Not about a skill of the matrix"}
	for i := range entries {
		e := &entries[i]
		placed := false
		for _, s := range e.Skills {
			g, ok := byID[s]
			if !ok {
				if !contains(other, s) {
					other = append(other, s)
				}
				continue
			}
			g.items = append(g.items, e)
			placed = true
		}
		if !placed {
			none.items = append(none.items, e)
		}
	}
	sort.Strings(other)
	groups = append(groups, none)
	shownUnder := map[*Entry]string{} // a piece about several skills is written out once
	for _, g := range groups {
		if len(g.items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n", g.title)
		for _, e := range g.items {
			author := e.Author
			if n := names[e.Author]; n != "" {
				author = n
			}
			if under, ok := shownUnder[e]; ok {
				fmt.Fprintf(&b, "\n%s, from %s: above, under %s.\n", e.Date, author, under)
				continue
			}
			shownUnder[e] = g.title
			fmt.Fprintf(&b, "\n%s, from %s", e.Date, author)
			if e.Work != "" {
				fmt.Fprintf(&b, ", on %s", oneLine(e.Work))
			}
			b.WriteString(":\n")
			if e.Well != "" {
				b.WriteString("  Does well: " + indent(e.Well) + "\n")
			}
			if e.Change != "" {
				b.WriteString("  To change: " + indent(e.Change) + "\n")
			}
		}
	}
	if len(other) > 0 {
		fmt.Fprintf(&b, "\n(Skills named that the matrix does not have: %s.)\n", strings.Join(other, ", "))
	}
	return skills.EscapeControls(b.String())
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func indent(s string) string {
	return strings.ReplaceAll(strings.TrimSpace(s), "\n", "\n             ")
}

// Problems are check's findings under feedback/: any file that is not an
// encrypted age file is an error (plain text there is readable by anyone
// with a clone), a name coach does not count or a folder of no one is a
// warning, and a requests file that cannot be read is an error.
func Problems(repo *skills.Repo) skills.Problems {
	root, fsys := repo.Root, repo.FS() // the work tree's, or the index's with --staged
	var out skills.Problems
	if _, err := fs.Stat(fsys, workspace.FeedbackDir); err != nil {
		return nil
	}
	known := map[string]bool{}
	for _, p := range repo.People {
		known[p.ID] = true
	}
	err := fs.WalkDir(fsys, workspace.FeedbackDir, func(rel string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			parts := strings.Split(rel, "/")
			if len(parts) == 2 && !known[parts[1]] && skills.ValidID(parts[1]) {
				out = append(out, skills.Problem{Path: rel + "/", Severity: skills.Warning,
					Message: fmt.Sprintf("feedback about %s, who has no skill file: no plan counts it", parts[1]),
					Hint:    "move it to the folder of the person it is about, or add their skill file"})
			}
			if len(parts) > 2 {
				out = append(out, skills.Problem{Path: rel + "/", Severity: skills.Warning,
					Message: "coach reads feedback/NAME/ only, not folders below it", Hint: "move what it holds up to feedback/NAME/"})
				return filepath.SkipDir
			}
			return nil
		}
		if rel == workspace.RequestsFile {
			if _, err := workspace.Requests(root); err != nil {
				var pe *skills.ProblemsError
				if errors.As(err, &pe) {
					out = append(out, pe.Problems...)
				} else {
					out = append(out, skills.Problem{Path: rel, Severity: skills.Error, Message: err.Error()})
				}
			}
			return nil
		}
		data, p, err := repo.ReadFile(rel, maxSealed, "a piece of feedback")
		if err != nil {
			return err
		}
		if p != nil {
			out = append(out, *p)
			return nil
		}
		if !Sealed(data) {
			line := 1
			if i := bytes.IndexFunc(data, func(r rune) bool { return r != ' ' && r != '\t' && r != '\n' && r != '\r' }); i > 0 {
				line += bytes.Count(data[:i], []byte("\n"))
			}
			out = append(out, skills.Problem{Path: rel, Line: line, Col: 1, Severity: skills.Error,
				Message: "plain text under feedback/: anyone with a clone of the repository can read it",
				Hint:    "delete the file (and `git rm --cached " + rel + "` if it was staged), then write it again with `coach feedback NAME --as YOU`, which encrypts it; if it was committed, purge it from history: README \"Plain text that was committed\""})
			return nil
		}
		parts := strings.Split(rel, "/")
		if len(parts) != 3 || !workspace.FeedbackName.MatchString(parts[2]) {
			out = append(out, skills.Problem{Path: rel, Severity: skills.Warning,
				Message: "coach counts and reads feedback named feedback/NAME/DATE-ID.age only, and not this file",
				Hint:    "rename it to feedback/NAME/YYYY-MM-DD-xxxxxxxx.age, as `coach feedback` names it"})
		}
		return nil
	})
	if err != nil {
		out = append(out, skills.Problem{Path: workspace.FeedbackDir + "/", Severity: skills.Error, Message: "cannot read it: " + err.Error()})
	}
	return out
}

// Show is the feedback about person, decrypted and grouped by skill, as
// `coach feedback --read` prints it; "" when there is none.
func Show(repo *skills.Repo, person string, identityFiles []string) (string, error) {
	p, err := repo.Person(person)
	if err != nil {
		return "", err
	}
	entries, err := Read(repo.Root, p.ID, identityFiles)
	if err != nil || len(entries) == 0 {
		return "", err
	}
	names := map[string]string{}
	for _, q := range repo.People {
		names[q.ID] = q.Name
	}
	for _, l := range repo.Config.Leaders {
		names[l.ID] = l.Name
	}
	return Render(p, repo.Matrix, entries, names), nil
}
