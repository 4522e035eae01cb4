package skills

// Private notes are the one secret a skill file holds. They are stored as an
// age file, ASCII-armored, in [private] notes, encrypted to the recipients of
// coach.toml; this file finds them in a skill file's text, tells plain text
// from ciphertext, and encrypts and decrypts them. Nothing here writes a file
// or prints: the plain text only ever leaves as a return value.

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"filippo.io/age"
	"filippo.io/age/agessh"
	"filippo.io/age/armor"
	"github.com/BurntSushi/toml"
	"golang.org/x/crypto/ssh"
)

// MaxNotesSize bounds the plain text of private notes: 64 KiB is a book
// chapter of notes about one person; anything larger is a mistake.
// maxArmoredSize bounds the armored text in a skill file: base64 makes it a
// third larger, plus the header, the recipients and the line breaks. Larger
// text is refused before it is decoded.
const (
	MaxNotesSize   = 64 << 10
	maxArmoredSize = 2 * MaxNotesSize
)

const (
	armorHeader = "-----BEGIN AGE ENCRYPTED FILE-----"
	armorFooter = "-----END AGE ENCRYPTED FILE-----"
)

// ErrNotRecipient means none of the identities given can open a note: the
// note was not encrypted to any of them.
var ErrNotRecipient = errors.New("none of your keys can open the notes")

// Notes is where a skill file's private notes stand in its text.
type Notes struct {
	// Present is false when the file has no [private] notes key.
	Present bool
	// Value is the notes string as TOML decodes it.
	Value string
	// Start and End are the byte offsets of the value's literal, quotes
	// included: src[Start:End] is exactly what replacing the notes replaces.
	Start, End int
	// Line and Col are the 1-based position of the value.
	Line, Col int
}

// Encrypted reports whether the notes are an armored age file (by their
// shape; [CheckNotes] and [DecryptNotes] say whether it is a valid one).
func (n Notes) Encrypted() bool {
	return strings.HasPrefix(strings.TrimSpace(n.Value), armorHeader)
}

// Empty reports whether there is nothing in the notes to protect.
func (n Notes) Empty() bool { return strings.TrimSpace(n.Value) == "" }

// FindNotes locates [private] notes in a skill file. It returns Present
// false when there are none, and an error when the file is not valid TOML,
// when notes is not a string, or when its text cannot be located exactly
// (the span is verified by decoding it again, so a replacement never touches
// a byte outside the value).
func FindNotes(src []byte) (Notes, error) {
	var f struct {
		Private map[string]any `toml:"private"`
	}
	if len(checkTOML("", src, skillFileLimit)) > 0 {
		return Notes{}, fmt.Errorf("the file is over coach's limits; run `coach check` for where")
	}
	if _, err := toml.Decode(string(src), &f); err != nil {
		return Notes{}, fmt.Errorf("the file is not valid TOML; run `coach check` for where")
	}
	if _, ok := f.Private["notes"]; !ok {
		return Notes{}, nil
	}
	return locateNotes(src, f.Private, indexSource(string(src)))
}

// locateNotes is FindNotes for a file already decoded (private is its
// [private] table, which holds notes) and indexed.
func locateNotes(src []byte, private map[string]any, ix *sourceIndex) (Notes, error) {
	raw := private["notes"]
	value, ok := raw.(string)
	if !ok {
		return Notes{}, fmt.Errorf("[private] notes must be a string, not %s", srcTypeName(goTypeName(raw)))
	}
	pos, ok := ix.values["private.notes"]
	if !ok {
		return Notes{}, errors.New("cannot locate [private] notes in the file's text")
	}
	start, end, ok := valueSpan(src, pos)
	if !ok {
		return Notes{}, errors.New("cannot locate [private] notes in the file's text")
	}
	n := Notes{Present: true, Value: value, Start: start, End: end, Line: pos.Line, Col: pos.Col}
	var check struct {
		V string `toml:"v"`
	}
	if _, err := toml.Decode("v = "+string(src[n.Start:n.End]), &check); err != nil || check.V != value {
		return Notes{}, errors.New("cannot locate [private] notes in the file's text")
	}
	return n, nil
}

// offsetOf turns a 1-based line and byte column into a byte offset.
func offsetOf(src []byte, pos position) (int, bool) {
	off := 0
	for line := 1; line < pos.Line; line++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return 0, false
		}
		off += i + 1
	}
	off += pos.Col - 1
	if off < 0 || off > len(src) {
		return 0, false
	}
	return off, true
}

// SetNotes returns src with its private notes replaced by value, written as
// a TOML multi-line string; every other byte of src is kept. When the file has
// no notes yet they are added under its [private] header, or in a new
// [private] table at the end. value must be armored ciphertext or empty:
// SetNotes is never given plain text to write.
func SetNotes(src []byte, n Notes, value string) ([]byte, error) {
	if value != "" && !strings.HasPrefix(value, armorHeader) {
		return nil, errors.New("refusing to write notes that are not encrypted")
	}
	literal := `""`
	if value != "" {
		literal = "\"\"\"\n" + value + "\"\"\""
	}
	var out []byte
	switch {
	case n.Present:
		out = append(append(append(out, src[:n.Start]...), literal...), src[n.End:]...)
	default:
		ix := indexSource(string(src))
		if pos, ok := ix.keys["private"]; ok {
			off, ok := offsetOf(src, pos)
			if !ok || !bytes.HasPrefix(src[off:], []byte("[private]")) {
				return nil, errors.New("[private] is not written as a [private] table; write `[private]` on a line of its own, then run again")
			}
			eol := bytes.IndexByte(src[off:], '\n')
			if eol < 0 {
				out = append(append(append(out, src...), '\n'), "notes = "+literal+"\n"...)
				break
			}
			eol += off + 1
			out = append(append(append(out, src[:eol]...), "notes = "+literal+"\n"...), src[eol:]...)
			break
		}
		out = append(out, src...)
		if len(out) > 0 && out[len(out)-1] != '\n' {
			out = append(out, '\n')
		}
		out = append(out, "\n[private]\nnotes = "+literal+"\n"...)
	}
	got, err := FindNotes(out)
	if err != nil || got.Value != value {
		return nil, errors.New("cannot write the notes back without changing the rest of the file")
	}
	return out, nil
}

// CheckNotes reports, without any key, what is wrong with a note as stored:
// plain text, or an age file that is damaged or too large. It returns nil for
// empty notes and a well-formed age file.
func CheckNotes(value string) error {
	if strings.TrimSpace(value) == "" {
		return nil
	}
	if !strings.HasPrefix(strings.TrimSpace(value), armorHeader) {
		return errPlainNotes
	}
	if len(value) > maxArmoredSize {
		return fmt.Errorf("the encrypted notes are %d bytes, more than the %d allowed", len(value), maxArmoredSize)
	}
	bin, err := io.ReadAll(armor.NewReader(strings.NewReader(strings.TrimSpace(value) + "\n")))
	if err != nil {
		return errDamagedArmor
	}
	if _, err := age.ExtractHeader(bytes.NewReader(bin)); err != nil {
		return errDamagedHeader
	}
	return nil
}

// The errors of age quote the bytes they stopped at, which come from the
// ciphertext, the plain text or a secret key. None of them reaches a
// message: these say what failed in words.
var (
	errDamagedArmor  = errors.New("the notes are not a valid age file: its armor (the text between the BEGIN and END lines) is damaged")
	errDamagedHeader = errors.New("the notes are not a valid age file: its header, which lists the keys it is encrypted to, is damaged")
	errUndecryptable = errors.New("cannot decrypt the notes: the age file is damaged or was altered after it was encrypted")
	errBadPayload    = errors.New("cannot decrypt the notes: the encrypted text is damaged or was altered (it fails age's integrity check)")
)

var errPlainNotes = errors.New("the notes are plain text")

// ParseRecipient parses one recipient of coach.toml's [private] recipients:
// an age public key (age1...), or an SSH public key line (ssh-ed25519 or
// ssh-rsa, as in authorized_keys).
func ParseRecipient(s string) (age.Recipient, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "ssh-") {
		r, err := agessh.ParseRecipient(s)
		if err != nil {
			// agessh's error quotes the whole key line; the key is public,
			// but the line is long and says nothing more.
			return nil, errors.New("not an SSH public key (ssh-ed25519 or ssh-rsa, as in authorized_keys)")
		}
		return r, nil
	}
	rs, err := age.ParseRecipients(strings.NewReader(s))
	if err != nil {
		if strings.HasPrefix(s, "AGE-SECRET-KEY-") {
			return nil, errors.New("this is a secret key, not a public one")
		}
		return nil, errors.New("not an age public key")
	}
	if len(rs) != 1 {
		return nil, errors.New("one public key per entry")
	}
	return rs[0], nil
}

// ParseIdentities reads an identity file: age's format (age-keygen's output,
// one AGE-SECRET-KEY-... a line, # comments), or an unencrypted SSH private
// key.
func ParseIdentities(data []byte) ([]age.Identity, error) {
	if bytes.Contains(data, []byte("PRIVATE KEY-----")) {
		id, err := agessh.ParseIdentity(data)
		var passphrase *ssh.PassphraseMissingError
		switch {
		case errors.As(err, &passphrase):
			return nil, errors.New("the SSH key has a passphrase, which coach cannot ask for: use an age identity from age-keygen")
		case err != nil:
			return nil, errors.New("not an SSH private key coach can read (unencrypted ssh-ed25519 or ssh-rsa): use an age identity from age-keygen")
		}
		return []age.Identity{id}, nil
	}
	ids, err := age.ParseIdentities(bytes.NewReader(data))
	if err != nil {
		// The error can quote the secret key it could not read.
		where := ""
		if m := identityLine.FindStringSubmatch(err.Error()); m != nil {
			where = " (line " + m[1] + ")"
		}
		return nil, fmt.Errorf("not an age identity file%s: age-keygen writes one AGE-SECRET-KEY-1... a line, and # comments", where)
	}
	return ids, nil
}

// identityLine is the line number in age's error about an identity file.
var identityLine = regexp.MustCompile(`^error at line (\d+):`)

// EncryptNotes encrypts plain to every recipient and returns the armored age
// file, which ends in a newline.
func EncryptNotes(plain string, recipients []age.Recipient) (string, error) {
	if len(recipients) == 0 {
		return "", errors.New("no recipients to encrypt to")
	}
	if len(plain) > MaxNotesSize {
		return "", fmt.Errorf("the notes are %d bytes, more than the %d allowed; shorten them", len(plain), MaxNotesSize)
	}
	var buf bytes.Buffer
	aw := armor.NewWriter(&buf)
	w, err := age.Encrypt(aw, recipients...)
	if err != nil {
		return "", err
	}
	if _, err := io.WriteString(w, plain); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	if err := aw.Close(); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// DecryptNotes opens armored notes with the first identity that can. When
// none can, the error matches [ErrNotRecipient].
func DecryptNotes(armored string, identities []age.Identity) (string, error) {
	if err := CheckNotes(armored); err != nil {
		return "", err
	}
	r, err := age.Decrypt(armor.NewReader(strings.NewReader(strings.TrimSpace(armored)+"\n")), identities...)
	var noMatch *age.NoIdentityMatchError
	if errors.As(err, &noMatch) {
		return "", fmt.Errorf("%w: they are encrypted to %d other key(s)", ErrNotRecipient, len(noMatch.StanzaTypes))
	}
	if err != nil {
		return "", errUndecryptable
	}
	plain, err := io.ReadAll(io.LimitReader(r, MaxNotesSize+1))
	if err != nil {
		return "", errBadPayload
	}
	if len(plain) > MaxNotesSize {
		return "", fmt.Errorf("the decrypted notes are more than the %d bytes allowed", MaxNotesSize)
	}
	return string(plain), nil
}

// staleRecipients says, in words, when armored notes are encrypted to a key
// that recipients no longer lists, and returns "" when they are not, or
// when it cannot tell. An age file names no age key it is encrypted to, only
// how many there are, so age keys are counted: more stanzas than listed age
// keys means a key that was removed. An SSH stanza carries a tag of its key,
// so an SSH key is known by it.
func staleRecipients(armored string, recipients []string) string {
	if len(recipients) == 0 {
		return "" // nothing to compare with: encrypting says so
	}
	bin, err := io.ReadAll(armor.NewReader(strings.NewReader(strings.TrimSpace(armored) + "\n")))
	if err != nil {
		return ""
	}
	header, err := age.ExtractHeader(bytes.NewReader(bin))
	if err != nil {
		return ""
	}
	listedAge, listedSSH := 0, map[string]bool{}
	seen := map[string]bool{}
	for _, r := range recipients {
		r = strings.TrimSpace(r)
		if !strings.HasPrefix(r, "ssh-") {
			if !seen[r] {
				listedAge++
			}
			seen[r] = true
			continue
		}
		if pk, _, _, _, err := ssh.ParseAuthorizedKey([]byte(r)); err == nil {
			sum := sha256.Sum256(pk.Marshal())
			listedSSH[base64.RawStdEncoding.EncodeToString(sum[:4])] = true
		}
	}
	ageKeys, removedSSH := 0, 0
	for _, line := range strings.Split(string(header), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || f[0] != "->" {
			continue
		}
		switch {
		case f[1] == "X25519" || strings.HasPrefix(f[1], "mlkem"):
			ageKeys++
		case (f[1] == "ssh-ed25519" || f[1] == "ssh-rsa") && len(f) >= 3 && !listedSSH[f[2]]:
			removedSSH++
		}
	}
	switch {
	case removedSSH > 0:
		return fmt.Sprintf("the notes are still encrypted to %d SSH key(s) that coach.toml's [private] recipients no longer list: whoever holds them can read these notes", removedSSH)
	case ageKeys > listedAge:
		return fmt.Sprintf("the notes are encrypted to %d age keys, and coach.toml's [private] recipients list %d: at least %d key(s) no longer listed can still read them",
			ageKeys, listedAge, ageKeys-listedAge)
	}
	return ""
}

// plainNotesMark is a short hash of plain-text notes: enough to tell two
// versions apart, kept in memory only, never the text.
func plainNotesMark(value string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(value)))
	return hex.EncodeToString(sum[:8])
}

// privateProblems reports what a skill file's [private] table holds that
// anyone with the repository could read: plain-text notes, any other key,
// damaged ciphertext; and notes still encrypted to a key that recipients
// (coach.toml's) no longer lists. id names the person in the fix.
func privateProblems(path, id string, src []byte, recipients []string) Problems {
	var f struct {
		Private map[string]any `toml:"private"`
	}
	if !bytes.Contains(src, []byte("private")) {
		return nil // the common case, without decoding the file again
	}
	if len(checkTOML(path, src, skillFileLimit)) > 0 {
		return nil // over a limit, reported by the decoder's checks
	}
	if _, err := toml.Decode(string(src), &f); err != nil || len(f.Private) == 0 {
		return nil // a syntax error is reported by the decoder
	}
	ix := indexSource(string(src))
	c := &checker{path: path, ix: ix}
	for _, key := range sortedKeys(f.Private) {
		if key == "notes" {
			continue
		}
		c.at(Error, "private."+key, fmt.Sprintf("[private] holds only notes: move this into them with `coach notes %s --edit`, then delete %s", id, key),
			"[private] %s is plain text that anyone with the repository can read", key)
	}
	if _, ok := f.Private["notes"]; !ok {
		return c.problems
	}
	n, err := locateNotes(src, f.Private, ix)
	if err != nil {
		c.atValue(Error, "private.notes", fmt.Sprintf("write the notes with `coach notes %s --edit`", id), "%s", err.Error())
		return c.problems
	}
	switch err := CheckNotes(n.Value); {
	case err == nil:
		if msg := staleRecipients(n.Value, recipients); msg != "" {
			c.atValue(Warning, "private.notes",
				fmt.Sprintf("re-encrypt them to the recipients as they are now with `coach notes %s --encrypt` (or `coach notes --all --encrypt`); what the removed key could read before, it can still read in the history", id),
				"%s", msg)
		}
	case errors.Is(err, errPlainNotes):
		c.atValue(Error, "private.notes",
			fmt.Sprintf("encrypt them with `coach notes %s --encrypt` (or rewrite them with `coach notes %s --edit`); if they were committed, see README \"Private notes\" to purge them from history", id, id),
			"private notes are plain text that anyone with the repository can read")
	default:
		c.atValue(Error, "private.notes",
			fmt.Sprintf("restore them from git (`git log -p %s`) or write new ones with `coach notes %s --edit`", path, id),
			"%v", err)
	}
	return c.problems
}

// NotesFingerprint identifies notes as stored, without reading them: a
// short hash of their text with surrounding space trimmed ("" for none).
// Two versions with the same fingerprint hold the same ciphertext.
func NotesFingerprint(value string) string {
	value = strings.TrimSpace(value)
	if value == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(value))
	return hex.EncodeToString(sum[:8])
}

// RecipientKey is what identifies a recipient of coach.toml's [private]
// recipients: an age key as written, an SSH key by its type and key
// without the comment that follows them.
func RecipientKey(r string) string {
	f := strings.Fields(r)
	if len(f) >= 2 && strings.HasPrefix(f[0], "ssh-") {
		return f[0] + " " + f[1]
	}
	return strings.TrimSpace(r)
}

// Stanza is one recipient stanza of an age file: who a note is encrypted
// to, as far as the file says. Type is the stanza's type (X25519, ssh-ed25519,
// ssh-rsa, ...); Tag is an SSH stanza's tag, a short hash of the SSH public
// key. An X25519 stanza says nothing of its key: only how many there are.
type Stanza struct {
	Type string
	Tag  string
}

// String writes a stanza as messages name it: its type, and an SSH key's tag.
func (s Stanza) String() string {
	if s.Tag != "" {
		return s.Type + " " + s.Tag
	}
	return s.Type
}

// NoteStanzas lists the recipient stanzas of armored notes, in file order,
// without any key.
func NoteStanzas(armored string) ([]Stanza, error) {
	if err := CheckNotes(armored); err != nil {
		return nil, err
	}
	bin, err := io.ReadAll(armor.NewReader(strings.NewReader(strings.TrimSpace(armored) + "\n")))
	if err != nil {
		return nil, fmt.Errorf("the notes are not a valid age file: %v", err)
	}
	hdr, err := age.ExtractHeader(bytes.NewReader(bin))
	if err != nil {
		return nil, fmt.Errorf("the notes are not a valid age file: %v", err)
	}
	var out []Stanza
	for _, line := range strings.Split(string(hdr), "\n") {
		rest, ok := strings.CutPrefix(line, "-> ")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 || strings.HasSuffix(f[0], "-grease") {
			continue
		}
		s := Stanza{Type: f[0]}
		if strings.HasPrefix(s.Type, "ssh-") && len(f) > 1 {
			s.Tag = f[1]
		}
		out = append(out, s)
	}
	return out, nil
}

// RecipientStanza is the stanza that encrypting to r writes: its type, and
// for an SSH key its tag. It is found by encrypting an empty note to r.
func RecipientStanza(r age.Recipient) (Stanza, error) {
	armored, err := EncryptNotes("", []age.Recipient{r})
	if err != nil {
		return Stanza{}, err
	}
	got, err := NoteStanzas(armored)
	if err != nil || len(got) != 1 {
		return Stanza{}, fmt.Errorf("cannot tell the stanza of a recipient: %v", err)
	}
	return got[0], nil
}

// StanzasDiffer reports whether a note's stanzas are not those that its
// recipients' would be: another count of a type, or an SSH tag that one
// side has and the other has not. X25519 keys cannot be told apart, so two
// notes encrypted to as many different X25519 keys do not differ here.
func StanzasDiffer(note, want []Stanza) bool {
	count := func(ss []Stanza) map[Stanza]int {
		m := map[Stanza]int{}
		for _, s := range ss {
			m[s]++
		}
		return m
	}
	a, b := count(note), count(want)
	if len(a) != len(b) {
		return true
	}
	for k, n := range a {
		if b[k] != n {
			return true
		}
	}
	return false
}
