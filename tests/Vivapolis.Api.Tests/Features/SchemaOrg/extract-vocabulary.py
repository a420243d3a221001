#!/usr/bin/env python3
"""Writes schema-org-vocabulary.json: the part of the schema.org vocabulary our JSON-LD uses, from a release.

    python3 extract-vocabulary.py TYPES.csv PROPERTIES.csv RELEASE > schema-org-vocabulary.json

TYPES.csv and PROPERTIES.csv are a release's schemaorg-current-https-types.csv and -properties.csv (on
https://schema.org/docs/developers.html, or data/releases/RELEASE/ of github.com/schemaorg/schemaorg).
A term our JSON-LD starts using goes in CLASSES, PROPERTIES or ENUMERATIONS below; then run this again.
"""
import csv
import json
import sys

CLASSES = ["Event", "Place", "VirtualLocation", "PostalAddress", "GeoCoordinates", "Organization", "Person",
           "Offer", "Article"]
PROPERTIES = ["name", "description", "startDate", "endDate", "eventStatus", "eventAttendanceMode", "location",
              "organizer", "offers", "isAccessibleForFree", "image", "inLanguage", "address", "geo", "url",
              "streetAddress", "postalCode", "addressLocality", "addressRegion", "addressCountry", "latitude",
              "longitude", "price", "priceCurrency", "headline", "author", "datePublished", "dateModified",
              "articleSection", "keywords", "publisher", "about", "jobTitle", "worksFor"]
ENUMERATIONS = ["EventStatusType", "EventAttendanceModeEnumeration"]

def local(iri):
    return iri.strip().removeprefix("https://schema.org/")

def split(cell):
    return [local(x) for x in cell.split(",") if x.strip()]

types_csv, properties_csv, release = sys.argv[1:4]
types = {r["label"]: r for r in csv.DictReader(open(types_csv, encoding="utf-8"))}
properties = {r["label"]: r for r in csv.DictReader(open(properties_csv, encoding="utf-8"))}

def pending(row):
    return "pending.schema.org" in row["isPartOf"]

classes = {}
todo = list(CLASSES)
while todo:
    name = todo.pop()
    if name in classes:
        continue
    row = types[name]
    classes[name] = {"subClassOf": split(row["subTypeOf"]), "pending": pending(row)}
    todo.extend(classes[name]["subClassOf"])

vocabulary = {
    "source": f"schema.org release {release}: schemaorg-current-https-types.csv and schemaorg-current-https-properties.csv "
              f"(github.com/schemaorg/schemaorg, data/releases/{release}), reduced by extract-vocabulary.py beside this file",
    "classes": dict(sorted(classes.items())),
    "properties": {p: {"domainIncludes": split(properties[p]["domainIncludes"]),
                       "rangeIncludes": split(properties[p]["rangeIncludes"]),
                       "pending": pending(properties[p])} for p in sorted(PROPERTIES)},
    "enumerations": {e: sorted(name for name, row in types.items() if local(row["enumerationtype"]) == e)
                     for e in ENUMERATIONS},
}
json.dump(vocabulary, sys.stdout, ensure_ascii=False, indent=2)
sys.stdout.write("\n")
