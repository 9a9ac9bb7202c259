metadata description = 'Shared types and pure functions: parsing the azd parameters and writing the ABAC conditions that keep each department inside its own folder.'

@export()
@description('A submitting department and the Entra group whose members upload for it.')
type departmentGroup = {
  @description('Upload folder name, the same id as in reporting.json: lower-case ASCII letters, digits or \'-\', at most 40 characters (e.g. anyuan, swj).')
  id: string

  @description('Object id of the department\'s Entra security group.')
  groupObjectId: string
}

@export()
@description('Parses "anyuan=<group object id>,swj=<group object id>" (the azd variable REPORTING_DEPARTMENT_GROUPS); an invalid entry stops the deployment with a message naming it.')
func parseDepartmentGroups(text string) departmentGroup[] =>
  map(filter(map(split(text, [',', ';', '\n']), e => trim(e)), e => !empty(e)), e => parseDepartmentGroup(e))

@export()
@description('Parses a comma- or semicolon-separated list of e-mail addresses (the azd variable named by `variable`); an entry without \'@\' stops the deployment with a message naming the variable and the entry.')
func parseAddresses(variable string, text string) string[] =>
  map(
    filter(map(split(text, [',', ';', '\n']), a => trim(a)), a => !empty(a)),
    a => contains(a, '@') && !contains(a, ' ') ? a : fail('${variable}: \'${a}\' is not an e-mail address')
  )

@export()
@description('A leader who also receives the one-page appendix of their county (县区主要领导).')
type countyRecipient = {
  @description('County-level unit as the app knows it (安源区) or one of its aliases; resolved by the app when the briefing is sent.')
  county: string

  @description('E-mail address.')
  address: string
}

@export()
@description('Parses "安源区=leader@example.gov.cn;湘东区=…" (the azd variable REPORTING_COUNTY_RECIPIENTS); an entry without both a county and an address stops the deployment with a message naming it.')
func parseCountyRecipients(text string) countyRecipient[] =>
  map(filter(map(split(text, [',', ';', '\n']), e => trim(e)), e => !empty(e)), e => parseCountyRecipient(e))

func parseCountyRecipient(entry string) countyRecipient =>
  length(split(entry, '=')) != 2 || empty(trim(split(entry, '=')[0])) || !contains(split(entry, '=')[1], '@') || contains(trim(split(entry, '=')[1]), ' ')
    ? fail('REPORTING_COUNTY_RECIPIENTS: \'${entry}\' is not of the form county=address (e.g. 安源区=leader@example.gov.cn)')
    : {
        county: trim(split(entry, '=')[0])
        address: trim(split(entry, '=')[1])
      }

@export()
@description('Parses a comma- or semicolon-separated list of Entra object ids (the azd variable named by `variable`, e.g. REPORTING_OFFICE_GROUPS); an entry that is not a GUID stops the deployment with a message naming it.')
func parseObjectIds(variable string, text string) string[] =>
  map(filter(map(split(text, [',', ';', '\n']), e => trim(e)), e => !empty(e)), e => checkGuid(variable, 'an Entra object id', e))

@export()
@description('The text itself when it is a GUID; otherwise stops the deployment with "{variable}: \'{text}\' is not {what} (a GUID)".')
func checkGuid(variable string, what string, text string) string =>
  length(text) != 36 || !empty(filter(range(0, 36), i => !contains('0123456789abcdefABCDEF-', substring(text, i, 1))))
    ? fail('${variable}: \'${text}\' is not ${what} (a GUID)')
    : text

@export()
@description('A department\'s mailbox for receipts and reminders (催报).')
type departmentContact = {
  @description('Department id, as in reporting.json.')
  id: string

  @description('E-mail address.')
  address: string
}

@export()
@description('Parses "anyuan=clerk@example.gov.cn,swj=…" (the azd variable REPORTING_DEPARTMENT_CONTACTS); an invalid entry stops the deployment with a message naming it.')
func parseDepartmentContacts(text string) departmentContact[] =>
  map(filter(map(split(text, [',', ';', '\n']), e => trim(e)), e => !empty(e)), e => parseDepartmentContact(e))

func parseDepartmentContact(entry string) departmentContact =>
  length(split(entry, '=')) != 2 || !contains(split(entry, '=')[1], '@') || contains(trim(split(entry, '=')[1]), ' ')
    ? fail('REPORTING_DEPARTMENT_CONTACTS: \'${entry}\' is not of the form department=address')
    : {
        id: checkContactDepartmentId(trim(split(entry, '=')[0]))
        address: trim(split(entry, '=')[1])
      }

// Becomes part of an app setting name (Reporting__Contacts__{id}): the same characters as an upload folder.
func checkContactDepartmentId(id string) string =>
  empty(id) || length(id) > 40 || !empty(filter(range(0, length(id)), i => !contains('abcdefghijklmnopqrstuvwxyz0123456789-', substring(id, i, 1))))
    ? fail('REPORTING_DEPARTMENT_CONTACTS: department id \'${id}\' must be 1-40 lower-case ASCII letters, digits or \'-\'')
    : id

@export()
@description('Parses "anyuan=clerk1@example.gov.cn,anyuan=clerk2@example.gov.cn,swj=…" (the azd variable REPORTING_MAILBOX_SENDERS), one pair per address; an invalid entry stops the deployment with a message naming it.')
func parseMailboxSenders(text string) departmentContact[] =>
  map(filter(map(split(text, [',', ';', '\n']), e => trim(e)), e => !empty(e)), e => parseMailboxSender(e))

func parseMailboxSender(entry string) departmentContact =>
  length(split(entry, '=')) != 2 || !contains(split(entry, '=')[1], '@') || contains(trim(split(entry, '=')[1]), ' ')
    ? fail('REPORTING_MAILBOX_SENDERS: \'${entry}\' is not of the form department=address')
    : {
        id: checkSenderDepartmentId(trim(split(entry, '=')[0]))
        address: trim(split(entry, '=')[1])
      }

// Becomes part of an app setting name (Reporting__Mailbox__Senders__{id}).
func checkSenderDepartmentId(id string) string =>
  empty(id) || length(id) > 40 || !empty(filter(range(0, length(id)), i => !contains('abcdefghijklmnopqrstuvwxyz0123456789-', substring(id, i, 1))))
    ? fail('REPORTING_MAILBOX_SENDERS: department id \'${id}\' must be 1-40 lower-case ASCII letters, digits or \'-\'')
    : id

func parseDepartmentGroup(entry string) departmentGroup =>
  length(split(entry, '=')) != 2
    ? fail('REPORTING_DEPARTMENT_GROUPS: \'${entry}\' is not of the form department=groupObjectId')
    : {
        id: checkDepartmentId(trim(split(entry, '=')[0]))
        groupObjectId: checkObjectId(trim(split(entry, '=')[1]))
      }

// The id is spliced into a condition expression and a blob prefix, so only the characters the
// app itself accepts for a department id (DepartmentOptions.IsValidId) may pass.
func checkDepartmentId(id string) string =>
  empty(id) || length(id) > 40 || !empty(filter(range(0, length(id)), i => !contains('abcdefghijklmnopqrstuvwxyz0123456789-', substring(id, i, 1))))
    ? fail('REPORTING_DEPARTMENT_GROUPS: department id \'${id}\' must be 1-40 lower-case ASCII letters, digits or \'-\'')
    : id

func checkObjectId(id string) string => checkGuid('REPORTING_DEPARTMENT_GROUPS', 'an Entra object id', id)

@export()
@description('ABAC condition (version 2.0) letting a role touch blobs only under {departmentId}/ in one container: reading, listing, writing, creating, deleting and renaming are all confined to the prefix, whatever data actions the role carries.')
func departmentFolderCondition(containerName string, departmentId string) string =>
  replace(replace('''
(
 (
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND NOT SubOperationMatches{'Blob.List'})
  AND
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'})
  AND
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'})
  AND
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete'})
  AND
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/move/action'})
 )
 OR
 (
  @Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals '#CONTAINER#'
  AND
  @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith '#PREFIX#'
 )
)
AND
(
 (
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND SubOperationMatches{'Blob.List'})
 )
 OR
 (
  @Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals '#CONTAINER#'
  AND
  @Request[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:prefix] StringStartsWith '#PREFIX#'
 )
)
''', '#CONTAINER#', containerName), '#PREFIX#', '${departmentId}/')
