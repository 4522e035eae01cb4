package main

import (
	"bytes"
	"context"
	"regexp"
	"testing"
	"time"
)

// TestAgendaOnSaturdayPreparesTheComingWeek: with no --week, agenda
// prepares the next 1:1 on or after today (the example meets on Tuesdays):
// a run on the Saturday after a 1:1 does not write the week that has passed.
func TestAgendaOnSaturdayPreparesTheComingWeek(t *testing.T) {
	dir := teamDir(t)
	heading := regexp.MustCompile(`(?m)^# 1:1 with Alice Example, (\d{4}-W\d{2})$`)
	for _, tt := range []struct{ today, want string }{
		{"2026-11-17", "2026-W47"}, // the Tuesday of a 1:1
		{"2026-11-18", "2026-W48"}, // the day after
		{"2026-11-21", "2026-W48"}, // Saturday
		{"2026-11-23", "2026-W48"}, // Monday
	} {
		today, _ := time.Parse(time.DateOnly, tt.today)
		var stdout, stderr bytes.Buffer
		err := runAgenda(context.Background(), agendaOptions{Dir: dir, People: []string{"alice"}, Today: today, Stdout: true, Format: "md"}, &stdout, newReport(&stderr))
		if err != nil {
			t.Fatalf("%s: %v %s", tt.today, err, stderr.String())
		}
		if m := heading.FindStringSubmatch(stdout.String()); m == nil || m[1] != tt.want {
			t.Errorf("on %s: agenda for %v, want %s", tt.today, m, tt.want)
		}
	}
}
