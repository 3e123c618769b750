# Wrote Annex C ("Contact officers and regional arrangements") of en_moa_comprehensive_long.txt:
# one section per region, built from varied hand-written sentences; the fixed seed makes it
# reproducible. The rest of that agreement is written by hand. Run: python3 generate_annex_c.py
import random
random.seed(20250218)

regions = [
 ("Lindau", "the Lindau–Kesselbrück motorway crossing", "road", "Kesselbrück"),
 ("Upper Aller", "the Aller bridge crossing", "road", "Brunnholt"),
 ("Marsfeld", "the Marsfeld rail freight terminal", "rail", "Ostrova"),
 ("Port Vessa", "the Port of Vessa container terminal", "sea", None),
 ("Port Calder", "the Port of Calder ferry terminal", "sea", None),
 ("Lindau Airport", "Lindau International Airport", "air", None),
 ("Serrat Airport", "Serrat Airport", "air", None),
 ("Hollen", "the Hollen road crossing", "road", "Dravik"),
 ("Tarnwald", "the Tarnwald forest road crossing", "road", "Piesk"),
 ("Grau", "the Grau valley crossing", "road", "Valmonte"),
 ("Eskel", "the Eskel rail crossing", "rail", "Dravik"),
 ("Nordmark", "the Nordmark motorway crossing", "road", "Helmsund"),
 ("Sudmark", "the Sudmark road crossing", "road", "Corvena"),
 ("Kaltbach", "the Kaltbach mountain pass", "road", "Valmonte"),
 ("Rhenau", "the Rhenau river port", "river", None),
 ("Altmünde", "the Altmünde fishing port and marina", "sea", None),
 ("Weissfeld", "the Weissfeld postal and express centre", "post", None),
 ("Brenzing", "the Brenzing road crossing", "road", "Piesk"),
 ("Oberau", "the Oberau lake ferry", "river", None),
 ("Feldkirch East", "the Feldkirch East road crossing", "road", "Corvena"),
 ("Mittelheim", "the Mittelheim inland clearance depot", "depot", None),
 ("Seewinkel", "the Seewinkel road crossing", "road", "Helmsund"),
 ("Krainau", "the Krainau rail and road crossing", "rail", "Ostrova"),
 ("Lindau Central", "the Lindau central railway station and bus terminal", "station", None),
 ("Dornbach", "the Dornbach road crossing", "road", "Brunnholt"),
 ("Hafenstadt", "the Hafenstadt bulk and tanker port", "sea", None),
 ("Ostwald", "the Ostwald green border sector", "green", "Piesk"),
 ("Westmark", "the Westmark road crossing", "road", "Corvena"),
 ("Birkenau", "the Birkenau road crossing", "road", "Kesselbrück"),
 ("Port Lenz", "the Port of Lenz roll-on roll-off terminal", "sea", None),
 ("Talheim", "the Talheim rail yard", "rail", "Ostrova"),
 ("Moorfeld", "the Moorfeld green border sector", "green", "Dravik"),
 ("Serrat Cargo", "the Serrat air cargo village", "air", None),
 ("Neuried", "the Neuried road crossing", "road", "Valmonte"),
]

describe = {
 "road": ["{Place} is a road crossing on the route from {town} to {abroad}. On an ordinary day between {n} and {m} vehicles pass through it, about a third of them heavy goods vehicles.",
          "{Place} links the region with {abroad}. It is open day and night and handles {n} to {m} vehicles a day, with long queues of trucks on Mondays and Fridays.",
          "The region is crossed by the main road to {abroad}; {place} is its only crossing for commercial traffic and sees up to {m} vehicles a day in summer."],
 "rail": ["{Place} handles freight trains from {abroad}, most of them carrying containers, timber and motor vehicles. About {k} trains cross it each day.",
          "At {place} freight wagons from {abroad} are inspected in sidings before they continue inland. Between {k} and {k2} trains a day are handled."],
 "sea": ["{Place} is one of the two main gateways of the Republic for sea freight. It handles about {c} containers a year and regular passenger ferries.",
         "{Place} receives ferries and cargo vessels several times a day. Roll-on roll-off traffic has grown quickly in recent years."],
 "air": ["{Place} handles about {p} million passengers a year and a growing volume of express freight, with direct flights to several source countries for drugs.",
         "{Place} is served by scheduled and charter flights and by two express courier companies, whose parcels are cleared on site."],
 "river": ["{Place} serves barges and passenger boats. Traffic is modest but irregular, and the waterside is difficult to supervise at night.",
           "Small cargo vessels and leisure boats use {place}. Most movements take place outside office hours."],
 "post": ["{Place} sorts the international parcels and small consignments that enter the Republic by post and by express operators, more than {c} items a day at peak times."],
 "depot": ["{Place} is where goods that have crossed the border under transit are cleared. It receives about {n} trucks a day."],
 "station": ["{Place} receives international trains and coaches. Couriers carrying drugs and cash on their person are regularly found among the passengers."],
 "green": ["{Place} has no official crossing point. Its forest tracks and farm roads are used by smugglers on foot and by small vehicles, mostly at night."],
}

risks = ["cannabis resin hidden in loads of fruit and vegetables", "cocaine in refrigerated containers", "heroin concealed in vehicle structures",
         "synthetic drugs and their precursors sent by express parcel", "contraband cigarettes in curtain-sided trucks",
         "undeclared cash carried by travellers", "firearms and parts of firearms sent by post", "stolen cars leaving the Republic",
         "protected birds and reptiles", "counterfeit medicines", "migrants hidden in trucks", "alcohol moved under false transit documents",
         "fuel smuggled in modified tanks", "counterfeit clothing and watches", "waste shipped as second-hand goods"]

contacts = [
 "The regional contact officer of the Federal Customs Administration is the head of the {office}; for the Federal Criminal Police Office it is the head of the {unit}.",
 "Customs is represented in the region by the deputy head of the {office}, and the police by the officer in charge of the {unit}; both act as regional contact officers.",
 "The {office} and the {unit} each name a regional contact officer and a deputy, whose details are kept in the register held by the national contact officers.",
]
offices = ["customs office at the crossing", "regional customs investigation team", "mobile customs unit", "customs office of the port",
           "customs anti-smuggling unit", "customs clearance office", "customs surveillance brigade"]
units = ["regional criminal investigation department", "organised crime unit of the regional police directorate", "border police inspectorate",
         "drugs squad of the regional police", "airport police criminal unit", "port police criminal unit", "rural police district"]

after_hours = [
 "Outside office hours, the duty officers of both services can be reached through the regional police control room.",
 "At night and at weekends, the customs shift supervisor and the police duty officer speak directly by telephone.",
 "Outside office hours requests are passed through the customs intelligence centre, which is staffed at all times.",
 "The two duty officers hold a short telephone call at every change of shift.",
]

resources = [
 "The customs detector dog team based at {place} may be called by the police for searches in the region, and the police make their forensic van available for the examination of vehicles.",
 "The mobile scanner of the customs office is shared with the police according to a weekly schedule agreed between the two heads of service.",
 "The police provide an interview room and holding cells close to {place}, which customs officers may use when they detain a person pending the arrival of the police.",
 "Both services use the same secure radio channel for operations in the area around {place}.",
 "The customs boat and the police helicopter support each other's operations along the coast and the waterways of the region.",
 "The premises of the customs office at {place} include two offices set aside for police officers working on cases that involve both services.",
 "Vehicles seized in the region are kept in the police pound, to which customs officers have access at any time.",
]

practice = [
 "Trucks selected for control on the basis of common risk profiles are examined in the presence of a police officer whenever the profile points to organised crime.",
 "Customs officers check travellers' identity documents against the police alert system before releasing any person found in possession of prohibited goods.",
 "Every seizure of drugs or firearms is reported by customs to the police contact officer on the same day.",
 "The police inform customs of the vehicles they are looking for, so that customs officers can stop them at the crossing.",
 "Each month the two services choose together two days on which they carry out combined checks on the approach roads.",
 "Parcels found to contain drugs are not opened further than necessary and are handed to the police for a possible controlled delivery.",
 "The two services share the results of their controls with the joint analysis group every week.",
 "Travellers found carrying large sums of undeclared cash are reported at once to the police financial investigation unit.",
]

meetings = [
 "The heads of the two services in the region meet every two months, in turn at the customs office and at the police station.",
 "The regional contact officers meet at least once a month to go through pending cases and plan the checks of the following weeks.",
 "A meeting of all officers of both services working in the region is held once a year to review the cooperation and hear their suggestions.",
 "The regional heads meet every two months and invite the public prosecutor's office when cases of common interest are discussed.",
]

out = ["", "", "ANNEX C", "CONTACT OFFICERS AND REGIONAL ARRANGEMENTS", "",
       "C.0 General",
       "C.0.1 This Annex lists, for each region, the contact officers designated under Article 15 and the arrangements that the regional services of the Parties have made to carry out this Agreement locally. The names, telephone numbers and e-mail addresses of the officers are kept in a register held by the national contact officers and sent to all regional services whenever they change.",
       "C.0.2 Regional arrangements do not depart from this Agreement. Where a regional service wishes to make an arrangement that is not provided for in this Annex, it shall submit it to the Joint Coordination Committee.",
       ""]
for i, (name, place, kind, abroad) in enumerate(regions, start=1):
    fmt = dict(place=place, town=name, abroad=abroad or "", n=random.choice([800, 1200, 1500, 2000]),
               m=random.choice([2500, 3000, 4000, 5000]), k=random.choice([6, 8, 10, 12]), k2=random.choice([14, 16, 20]),
               c=random.choice(["300,000", "450,000", "600,000", "1.2 million", "20,000", "35,000"]), p=random.choice([2, 4, 6, 9]),
               office=random.choice(offices), unit=random.choice(units))
    cap = place[0].upper() + place[1:]
    fmt_cap = dict(fmt, Place=cap)
    out.append(f"C.{i} Region of {name}")
    out.append(f"C.{i}.1 " + random.choice(describe[kind]).format(**fmt_cap))
    r = random.sample(risks, 3)
    out.append(f"C.{i}.2 The main risks identified in the region are {r[0]}, {r[1]} and {r[2]}.")
    out.append(f"C.{i}.3 " + random.choice(contacts).format(**fmt) + " " + random.choice(after_hours))
    res = random.sample(resources, 2)
    out.append(f"C.{i}.4 " + res[0].format(**fmt) + " " + res[1].format(**fmt))
    pr = random.sample(practice, 2)
    out.append(f"C.{i}.5 " + pr[0] + " " + pr[1])
    out.append(f"C.{i}.6 " + random.choice(meetings))
    out.append("")
print("\n".join(out))
