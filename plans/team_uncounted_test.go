package plans

import "testing"

// TestUncountedLeniency: a manager who leaves people out of the comparison
// for a new baseline nobody has calibrated, and whose people, all counted,
// sit more than half a level (CalibrationThreshold, the gap that flags a
// compared manager) from the compared managers' mean, is named with the
// baseline to test first; at half a level or less, or with no other manager
// compared, nothing is said (VP cold read of team.md: Sam Lee's +0.70 over
// two people hid the new baseline of the other two).
func TestUncountedLeniency(t *testing.T) {
	compared := Calibration{Manager: PersonRef{ID: "priya", Name: "Priya Shah"}, Mean: 0.29}
	left := func(all float64, n int) Calibration {
		return Calibration{Manager: PersonRef{ID: "sam-lee", Name: "Sam Lee"}, Mean: 0.70, TooFew: true, LeftOut: 2,
			AllMean: all, AllAssessed: n, test: "Sam Lee's new baseline of Ben Okoro and Chloe Martin (18 November)"}
	}
	for _, tc := range []struct {
		name  string
		calib []Calibration
		want  string
	}{
		{"far above", []Calibration{compared, left(0.99, 4)},
			"With all four counted, Sam Lee's people sit more than half a level further above their bar than Priya Shah's: test Sam Lee's new baseline of Ben Okoro and Chloe Martin (18 November), which the table leaves out, hardest in calibration."},
		{"far below", []Calibration{compared, left(-0.30, 2)},
			"With both counted, Sam Lee's people sit more than half a level lower against their bar than Priya Shah's: test Sam Lee's new baseline of Ben Okoro and Chloe Martin (18 November), which the table leaves out, hardest in calibration."},
		{"half a level", []Calibration{compared, left(0.79, 4)}, ""},
		{"nobody compared", []Calibration{left(0.99, 4)}, ""},
		{"only one too few", []Calibration{{Manager: PersonRef{Name: "Maya Okafor"}, TooFew: true, Mean: 0.13}, left(0.99, 4)}, ""},
	} {
		team := Team{Calib: tc.calib}
		team.uncounted()
		if got := team.Calib[len(tc.calib)-1].Uncounted; got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}
