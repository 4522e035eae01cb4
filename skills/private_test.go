package skills

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/crypto/ssh"
)

func generate(t *testing.T) *age.X25519Identity {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// Notes encrypted to two recipients open with either key, and with no other.
func TestEncryptDecryptNotes(t *testing.T) {
	leader, comanager, outsider := generate(t), generate(t), generate(t)
	plain := "Wants to move to the London office in 2027.\nDiscuss relocation only with HR present.\n"
	armored, err := EncryptNotes(plain, []age.Recipient{leader.Recipient(), comanager.Recipient()})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(armored, armorHeader+"\n") || !strings.HasSuffix(armored, armorFooter+"\n") {
		t.Fatalf("not an armored age file ending in a newline:\n%s", armored)
	}
	if strings.Contains(armored, "London") {
		t.Fatal("the armored notes contain the plain text")
	}
	if err := CheckNotes(armored); err != nil {
		t.Errorf("CheckNotes: %v", err)
	}
	for name, id := range map[string]*age.X25519Identity{"leader": leader, "co-manager": comanager} {
		got, err := DecryptNotes(armored, []age.Identity{id})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got != plain {
			t.Errorf("%s decrypted %q, want %q", name, got, plain)
		}
	}
	_, err = DecryptNotes(armored, []age.Identity{outsider})
	if !errors.Is(err, ErrNotRecipient) {
		t.Fatalf("a non-recipient got %v, want ErrNotRecipient", err)
	}
	if want := "none of your keys can open the notes: they are encrypted to 2 other key(s)"; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

// sshKey generates an SSH ed25519 key: its authorized_keys line and its
// OpenSSH private key file.
func sshKey(t *testing.T) (public string, private []byte) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	sshPub, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(priv, "sam@laptop")
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(sshPub))) + " sam@laptop", pem.EncodeToMemory(block)
}

// A leader who has an SSH key and no age key uses it for both ends.
func TestSSHNotes(t *testing.T) {
	public, private := sshKey(t)
	r, err := ParseRecipient(public)
	if err != nil {
		t.Fatal(err)
	}
	armored, err := EncryptNotes("secret", []age.Recipient{r})
	if err != nil {
		t.Fatal(err)
	}
	ids, err := ParseIdentities(private)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecryptNotes(armored, ids)
	if err != nil || got != "secret" {
		t.Fatalf("DecryptNotes = %q, %v; want \"secret\"", got, err)
	}
}

func TestParseRecipient(t *testing.T) {
	id := generate(t)
	sshPublic, _ := sshKey(t)
	tests := []struct {
		name, in string
		wantErr  string
	}{
		{name: "age key", in: id.Recipient().String()},
		{name: "ssh ed25519 key", in: sshPublic},
		{name: "ssh key, damaged", in: sshPublic[:40], wantErr: "not an SSH public key (ssh-ed25519 or ssh-rsa, as in authorized_keys)"},
		{name: "secret key", in: id.String(), wantErr: "this is a secret key, not a public one"},
		{name: "garbage", in: "alice", wantErr: "not an age public key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRecipient(tt.in)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.wantErr {
				t.Errorf("ParseRecipient(%q) error = %q, want %q", tt.in, got, tt.wantErr)
			}
		})
	}
}

func TestCheckNotes(t *testing.T) {
	id := generate(t)
	good, err := EncryptNotes("x", []age.Recipient{id.Recipient()})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(good, "\n")
	lines[1] = strings.ToUpper(lines[1])
	tests := []struct {
		name, in, want string
	}{
		{name: "empty", in: ""},
		{name: "blank", in: " \n"},
		{name: "encrypted", in: good},
		{name: "encrypted, indented", in: "\n  " + good},
		{name: "plain", in: "Flight risk", want: "the notes are plain text"},
		{name: "damaged", in: strings.Join(lines, "\n"), want: "the notes are not a valid age file: "},
		{name: "no footer", in: armorHeader + "\nYWdl\n", want: "the notes are not a valid age file: "},
		{name: "too large", in: armorHeader + strings.Repeat("A", 2*MaxNotesSize), want: "more than the 131072 allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckNotes(tt.in)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("CheckNotes = %q, want %q", got, tt.want)
			}
		})
	}
}

// Notes of the largest size allowed encrypt to a file that check accepts and
// that decrypts; one byte more is refused.
func TestNotesSizeBound(t *testing.T) {
	id := generate(t)
	rs := []age.Recipient{id.Recipient(), generate(t).Recipient(), generate(t).Recipient()}
	plain := strings.Repeat("x", MaxNotesSize)
	armored, err := EncryptNotes(plain, rs)
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckNotes(armored); err != nil {
		t.Fatalf("CheckNotes: %v", err)
	}
	got, err := DecryptNotes(armored, []age.Identity{id})
	if err != nil || got != plain {
		t.Fatalf("DecryptNotes: %d bytes, %v", len(got), err)
	}
	if _, err := EncryptNotes(plain+"x", rs); err == nil {
		t.Error("EncryptNotes accepted more than MaxNotesSize")
	}
}

// SetNotes replaces the notes' text and nothing else, whatever way they are
// written, and adds them where a file has none.
func TestSetNotes(t *testing.T) {
	id := generate(t)
	armored, err := EncryptNotes("secret", []age.Recipient{id.Recipient()})
	if err != nil {
		t.Fatal(err)
	}
	lit := "\"\"\"\n" + armored + "\"\"\""
	head := "name = \"A\" # the name\nrole = \"pm\"\n\n[levels]\ncommunication = 2\n"
	tests := []struct {
		name, src, want string
	}{
		{name: "basic string", src: head + "\n[private]\nnotes = \"plain \\\"quoted\\\"\"  # keep\n\n[[goal]]\ntext = \"x\"\n",
			want: head + "\n[private]\nnotes = " + lit + "  # keep\n\n[[goal]]\ntext = \"x\"\n"},
		{name: "literal string", src: head + "[private]\nnotes='plain'\n",
			want: head + "[private]\nnotes=" + lit + "\n"},
		{name: "multi-line", src: head + "[private]\nnotes = \"\"\"\nline 1\nline \"two\"\n\"\"\"\nother = 1\n",
			want: head + "[private]\nnotes = " + lit + "\nother = 1\n"},
		{name: "multi-line literal", src: head + "[private]\nnotes = '''a\n'b'\n'''\n",
			want: head + "[private]\nnotes = " + lit + "\n"},
		{name: "dotted key", src: "private.notes = \"x\"\n" + head,
			want: "private.notes = " + lit + "\n" + head},
		{name: "inline table", src: "private = { notes = \"x\" }\n" + head,
			want: "private = { notes = " + lit + " }\n" + head},
		{name: "CRLF", src: "name = \"A\"\r\n[private]\r\nnotes = \"x\"\r\n",
			want: "name = \"A\"\r\n[private]\r\nnotes = " + lit + "\r\n"},
		{name: "no notes", src: head,
			want: head + "\n[private]\nnotes = " + lit + "\n"},
		{name: "no final newline", src: "name = \"A\"",
			want: "name = \"A\"\n\n[private]\nnotes = " + lit + "\n"},
		{name: "an empty [private]", src: head + "[private] # notes\n[self]\nx = 1\n",
			want: head + "[private] # notes\nnotes = " + lit + "\n[self]\nx = 1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := FindNotes([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			got, err := SetNotes([]byte(tt.src), n, armored)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("SetNotes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSetNotesRefusesPlainText(t *testing.T) {
	src := []byte("[private]\nnotes = \"\"\n")
	n, err := FindNotes(src)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := SetNotes(src, n, "plain"); err == nil {
		t.Fatal("SetNotes wrote plain text")
	}
}

func TestFindNotesErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{name: "not a string", src: "[private]\nnotes = 3\n", want: "[private] notes must be a string, not an integer"},
		{name: "bad TOML", src: "[private]\nnotes = \"x\nfoo = Flight risk\n", want: "the file is not valid TOML; run `coach check` for where"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FindNotes([]byte(tt.src))
			if err == nil || err.Error() != tt.want {
				t.Errorf("FindNotes error = %v, want %q", err, tt.want)
			}
		})
	}
}

// Load refuses plain text in [private], at its line and column, with the fix.
func TestPrivateProblems(t *testing.T) {
	id := generate(t)
	armored, err := EncryptNotes("secret", []age.Recipient{id.Recipient()})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, src string
		want      []string
	}{
		{name: "encrypted", src: "name = \"A\"\n[private]\nnotes = \"\"\"\n" + armored + "\"\"\"\n"},
		{name: "empty", src: "name = \"A\"\n[private]\nnotes = \"\"\n"},
		{name: "none", src: "name = \"A\"\n"},
		{name: "plain", src: "name = \"A\"\n\n[private]\nnotes = \"Flight risk\"\n", want: []string{
			"skills/alice.toml:4:9: private notes are plain text that anyone with the repository can read; encrypt them with `coach notes alice --encrypt` (or rewrite them with `coach notes alice --edit`); if they were committed, see README \"Private notes\" to purge them from history",
		}},
		{name: "another key", src: "name = \"A\"\n[private]\nsalary = 100\n", want: []string{
			"skills/alice.toml:3:1: [private] salary is plain text that anyone with the repository can read; [private] holds only notes: move this into them with `coach notes alice --edit`, then delete salary",
		}},
		{name: "damaged", src: "name = \"A\"\n[private]\nnotes = \"\"\"\n" + armorHeader + "\nAAAA\n" + armorFooter + "\n\"\"\"\n", want: []string{
			"skills/alice.toml:3:9: the notes are not a valid age file: its header, which lists the keys it is encrypted to, is damaged; restore them from git (`git log -p skills/alice.toml`) or write new ones with `coach notes alice --edit`",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range privateProblems("skills/alice.toml", "alice", []byte(tt.src), nil) {
				got = append(got, p.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// fuzzArmored is a real age file, made once: the fuzz target writes it into
// whatever file it is given.
const fuzzArmored = `-----BEGIN AGE ENCRYPTED FILE-----
YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSA2TkJzcVdlekhHTG1tTVJQ
V1JwcjBISy85bElmSDVXaGVidEtkbzBTQVRZCnF0K0NMYlpBN3BUUjdOKzZsYmpG
MS9LM2tDWDBmeDRYV0xzYmhOUnJ0N00KLT4gWDI1NTE5IEdmSktVZVZ4YUtiNThJ
eVZYZkZBYmlxNmNVSEEvSlB3dzF3elo3b0ptU2sKbVpnRHpSTlBmRHlQajMwcEZW
QldJc01LdjVLaWR2N01RZG1VajVwZzVVWQotLS0gMERXRHRJNXNTZXd0bXZrV3pR
UFNKcmZaR0twK3VYcnlKNXJMRm5OMm82OApBbxRfsmxFgxTg8F66mi0sl90a/n0v
UBh4Ce03ybAzzQngv6ppvu2HQxtVAen/g4+71B8aJa3FYKX246AIn1+5PIZMvUwI
IUFTNv7YNRHRFOo173KNly1Br/Sd0nuL8qwAbHuMI06A
-----END AGE ENCRYPTED FILE-----
`

// FuzzNotes feeds any file to the notes' locator, checker and writer: none
// may panic, the checker reads at most MaxNotesSize, and a write changes no
// byte outside the notes' text.
func FuzzNotes(f *testing.F) {
	f.Add([]byte("name = \"A\"\n[private]\nnotes = \"plain\"\n"))
	f.Add([]byte("[private]\nnotes = \"\"\"\n" + fuzzArmored + "\"\"\"\n"))
	f.Add([]byte("private = { notes = '''x''' }\n[private.more]\n"))
	f.Add([]byte("[private]\nnotes = \"" + armorHeader + "\\nAAAA\\n" + armorFooter + "\"\n"))
	f.Add([]byte("[private] # x\r\nother = 1\r\n"))
	if err := CheckNotes(fuzzArmored); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		_ = privateProblems("skills/fuzz.toml", "fuzz", src, nil)
		n, err := FindNotes(src)
		if err != nil {
			return
		}
		_ = CheckNotes(n.Value)
		if n.Present && (n.Start < 0 || n.End < n.Start || n.End > len(src)) {
			t.Fatalf("span %d..%d outside a file of %d bytes", n.Start, n.End, len(src))
		}
		out, err := SetNotes(src, n, fuzzArmored)
		if err != nil || !n.Present {
			return
		}
		lit := "\"\"\"\n" + fuzzArmored + "\"\"\""
		if string(out[:n.Start]) != string(src[:n.Start]) || string(out[n.Start+len(lit):]) != string(src[n.End:]) {
			t.Fatalf("SetNotes changed bytes outside the notes:\n%q\n%q", src, out)
		}
	})
}

func TestConfigRecipients(t *testing.T) {
	id := generate(t)
	src := "[private]\nrecipients = [\n  \"" + id.Recipient().String() + "\",\n  \"" + id.String() + "\",\n  \"age1nope\",\n]\n"
	cfg, problems := DecodeConfig(ConfigFile, []byte(src))
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{
		"coach.toml:4:3: recipient 2 is a secret key: whoever reads coach.toml can open every note encrypted to it; put its public key here instead (`age-keygen -y FILE` prints it); if this was ever committed, make a new key with age-keygen and re-encrypt with `coach notes --all --encrypt`",
		"coach.toml:5:3: recipient 3 is not a public key: not an age public key; use a public key: the age1... line that `age-keygen` prints (or `age-keygen -y IDENTITY`), or an ssh-ed25519 or ssh-rsa public key",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if len(cfg.Private.Recipients) != 3 {
		t.Errorf("recipients = %v", cfg.Private.Recipients)
	}
}

// Issue 21: notes says when a note is encrypted to other keys than
// coach.toml lists. The stanzas of a note are read without a key: the type
// of each, and an SSH key's tag, which is what encrypting to that key
// alone writes.
func TestNoteStanzasAgainstRecipients(t *testing.T) {
	x1, _ := age.GenerateX25519Identity()
	x2, _ := age.GenerateX25519Identity()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	sshPub, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	sshRecipient, err := ParseRecipient(string(ssh.MarshalAuthorizedKey(sshPub)))
	if err != nil {
		t.Fatal(err)
	}
	stanza := func(r age.Recipient) Stanza {
		s, err := RecipientStanza(r)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	sshStanza := stanza(sshRecipient)
	if sshStanza.Type != "ssh-ed25519" || sshStanza.Tag == "" {
		t.Fatalf("the stanza of an SSH key = %+v, want ssh-ed25519 with a tag", sshStanza)
	}
	if got := stanza(x1.Recipient()); got != (Stanza{Type: "X25519"}) {
		t.Fatalf("the stanza of an age key = %+v", got)
	}
	note, err := EncryptNotes("flight risk", []age.Recipient{x1.Recipient(), sshRecipient})
	if err != nil {
		t.Fatal(err)
	}
	got, err := NoteStanzas(note)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Stanza{{Type: "X25519"}, sshStanza}, got); diff != "" {
		t.Errorf("NoteStanzas (-want +got):\n%s", diff)
	}
	for _, tt := range []struct {
		name   string
		want   []Stanza
		differ bool
	}{
		{"the same keys", []Stanza{stanza(x1.Recipient()), sshStanza}, false},
		{"another age key: the file cannot tell", []Stanza{stanza(x2.Recipient()), sshStanza}, false},
		{"one more age key", []Stanza{stanza(x1.Recipient()), stanza(x2.Recipient()), sshStanza}, true},
		{"no SSH key", []Stanza{stanza(x1.Recipient())}, true},
		{"another SSH key", []Stanza{stanza(x1.Recipient()), {Type: "ssh-ed25519", Tag: "AAAAAA"}}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := StanzasDiffer(got, tt.want); got != tt.differ {
				t.Errorf("StanzasDiffer = %v, want %v", got, tt.differ)
			}
		})
	}
	if _, err := NoteStanzas("plain text"); err == nil {
		t.Errorf("NoteStanzas read plain text")
	}
}

// TestAgeErrorQuotesNoDecodedBytes: age's errors quote the bytes they stop
// at, which come from the ciphertext, the plain text or a secret key. No
// message coach gives about notes or identities holds any of them; each says
// what failed in words.
func TestAgeErrorQuotesNoDecodedBytes(t *testing.T) {
	id := generate(t)
	good, err := EncryptNotes("Flight risk", []age.Recipient{id.Recipient()})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(good), "\n")
	body := strings.Join(lines[1:len(lines)-1], "")
	bin, err := base64.StdEncoding.DecodeString(body)
	if err != nil {
		t.Fatal(err)
	}
	rearmor := func(b []byte) string {
		enc := base64.StdEncoding.EncodeToString(b)
		var out strings.Builder
		out.WriteString(armorHeader + "\n")
		for len(enc) > 64 {
			out.WriteString(enc[:64] + "\n")
			enc = enc[64:]
		}
		out.WriteString(enc + "\n" + armorFooter + "\n")
		return out.String()
	}
	stanza := bytes.Replace(bin, []byte("-> X25519"), []byte("-> SECRET\x1b[31m"), 1)
	tampered := append([]byte(nil), bin...)
	tampered[len(tampered)-1] ^= 1
	intro := append([]byte("SECRET-INTRO\x1b]52;c;\x07\n"), bin[20:]...)
	for _, tc := range []struct {
		name, notes, want string
	}{
		{"a damaged first line", strings.Replace(good, "-----BEGIN AGE ENCRYPTED FILE-----", "-----BEGIN AGE ENCRYPTED FILE-----SECRET", 1),
			"the notes are not a valid age file: its armor (the text between the BEGIN and END lines) is damaged"},
		{"a damaged closing line", strings.Replace(good, armorFooter, armorFooter+"SECRET", 1),
			"the notes are not a valid age file: its armor (the text between the BEGIN and END lines) is damaged"},
		{"a damaged intro", rearmor(intro),
			"the notes are not a valid age file: its header, which lists the keys it is encrypted to, is damaged"},
		{"a damaged stanza", rearmor(stanza),
			"the notes are not a valid age file: its header, which lists the keys it is encrypted to, is damaged"},
		{"an altered payload", rearmor(tampered),
			"cannot decrypt the notes: the encrypted text is damaged or was altered (it fails age's integrity check)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecryptNotes(tc.notes, []age.Identity{id})
			if err == nil {
				t.Fatal("DecryptNotes accepted damaged notes")
			}
			if err.Error() != tc.want {
				t.Errorf("DecryptNotes error = %q, want %q", err, tc.want)
			}
		})
	}

	for _, tc := range []struct {
		name, file, want string
	}{
		{"a damaged secret key", "# mine\nAGE-SECRET-KEY-1SECRETSECRETSECRET\x1b[31m\n",
			"not an age identity file (line 2): age-keygen writes one AGE-SECRET-KEY-1... a line, and # comments"},
		{"a damaged SSH key", "-----BEGIN OPENSSH PRIVATE KEY-----\nSECRET\n-----END OPENSSH PRIVATE KEY-----\n",
			"not an SSH private key coach can read (unencrypted ssh-ed25519 or ssh-rsa): use an age identity from age-keygen"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseIdentities([]byte(tc.file))
			if err == nil || err.Error() != tc.want {
				t.Errorf("ParseIdentities error = %v, want %q", err, tc.want)
			}
		})
	}
}

// TestNotesEncryptedToARemovedRecipient: check warns when notes are still
// encrypted to a key coach.toml no longer lists, at the notes, with the fix:
// an SSH key known by its tag, age keys by their count.
func TestNotesEncryptedToARemovedRecipient(t *testing.T) {
	maya, sam := generate(t), generate(t)
	sshPub, _ := sshKey(t)
	sshRecipient, err := ParseRecipient(sshPub)
	if err != nil {
		t.Fatal(err)
	}
	file := func(rs ...age.Recipient) []byte {
		armored, err := EncryptNotes("Flight risk", rs)
		if err != nil {
			t.Fatal(err)
		}
		return []byte("name = \"A\"\n\n[private]\nnotes = \"\"\"\n" + armored + "\"\"\"\n")
	}
	mayaKey, samKey := maya.Recipient().String(), sam.Recipient().String()
	hint := "; re-encrypt them to the recipients as they are now with `coach notes alice --encrypt` (or `coach notes --all --encrypt`); what the removed key could read before, it can still read in the history"
	tests := []struct {
		name       string
		src        []byte
		recipients []string
		want       []string
	}{
		{name: "the same keys", src: file(maya.Recipient(), sam.Recipient()), recipients: []string{samKey, mayaKey}},
		{name: "a key added since", src: file(maya.Recipient()), recipients: []string{mayaKey, samKey}},
		{name: "no recipients listed", src: file(maya.Recipient()), recipients: nil},
		{name: "an age key removed", src: file(maya.Recipient(), sam.Recipient()), recipients: []string{mayaKey}, want: []string{
			"skills/alice.toml:4:9: warning: the notes are encrypted to 2 age keys, and coach.toml's [private] recipients list 1: at least 1 key(s) no longer listed can still read them" + hint,
		}},
		{name: "an age key listed twice is one key", src: file(maya.Recipient(), sam.Recipient()), recipients: []string{mayaKey, mayaKey}, want: []string{
			"skills/alice.toml:4:9: warning: the notes are encrypted to 2 age keys, and coach.toml's [private] recipients list 1: at least 1 key(s) no longer listed can still read them" + hint,
		}},
		{name: "an SSH key removed", src: file(maya.Recipient(), sshRecipient), recipients: []string{mayaKey, samKey}, want: []string{
			"skills/alice.toml:4:9: warning: the notes are still encrypted to 1 SSH key(s) that coach.toml's [private] recipients no longer list: whoever holds them can read these notes" + hint,
		}},
		{name: "an SSH key still listed, with another comment", src: file(maya.Recipient(), sshRecipient), recipients: []string{mayaKey, sshPub + " sam@new-laptop"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range privateProblems("skills/alice.toml", "alice", tt.src, tt.recipients) {
				got = append(got, p.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}
