// The attacks on the evaluation's trust, each tried as the person who would try it (DESIGN section 6,
// rules 4, 5, 9 and 7): a worker who wants to know who rated them badly, a friend who wants to lift a
// score, an outsider with a crafted file. Each module holds one class of attack and its set-up; this file
// runs them all, so one run answers "can any of them still be done?".
import { contactsAttacks } from './attacks/contacts'
import { filesAttacks } from './attacks/files'
import { idsAttacks } from './attacks/ids'
import { integrityAttacks } from './attacks/integrity'
import { personsAttacks } from './attacks/persons'
import { reportsAttacks } from './attacks/reports'
import { visibilityAttacks } from './attacks/visibility'

// A worker hashing the visit codes they know against every id they are shown; no default secret.
idsAttacks()
// A worker differencing every reply they can get around one new rating or feedback.
visibilityAttacks()
// A friend sending six feedbacks for one worker in a month.
personsAttacks()
// A deactivated worker still collecting; a reused key with another payload; a flood of visits.
integrityAttacks()
// A call-back phone read by the wrong role or after the case; contact data in comments; invisible characters.
contactsAttacks()
// A 6 KB workbook that declares a million rows; someone else's upload; a card opened meanwhile.
filesAttacks()
// A worker reporting someone else's comment or burying one under twenty reports; a neighbour reporting a note.
reportsAttacks()
