package skills

import "testing"

// A person's feedback key must be a public key, told at its line.
func TestFeedbackKeys(t *testing.T) {
	src := "[feedback]\nshare_with_person = true\n\n[feedback.keys]\nalice = \"age1notakey\"\nben = \"age14q7f426yg77eg8nskf30nn7evgth3u0l277c7yfhtq0m2l5lngrqerhkxz\"\n"
	cfg, ps := DecodeConfig(ConfigFile, []byte(src))
	if !cfg.Feedback.ShareWithPerson || len(cfg.Feedback.Keys) != 2 {
		t.Errorf("decoded %+v", cfg.Feedback)
	}
	if len(ps) != 1 || ps[0].String() != "coach.toml:5:9: the feedback key of alice is not a public key: not an age public key; use the person's public key: the age1... line that `age-keygen` prints, or an ssh-ed25519 or ssh-rsa public key" {
		t.Errorf("problems: %v", ps)
	}
}
