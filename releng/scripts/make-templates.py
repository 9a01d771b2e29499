#!/usr/bin/env python3
"""Writes the module templates (issue 17, item 4) from the seed model: structure only.

municipal: directions 1.1-2.5 in their two groups, each with the six stages of the management
cycle (the generic technological map of seed 000), the generic roles coordinator / responsible
executor / municipal operator, seed 001's function distribution of a district authority (roles,
sections, functions, documents), seed 000's technological map and seed 002's municipal indicators of
direction 1.2 that the region's aggregate (1.2.3-1.2.8, 1.2.10, with the per-school indicators they are
computed from, their data elements and monitorings). school: seed 003's function
distribution (roles, sections, functions with their participations, documents) without its school. region (issue 22): the
regional operator's role and seed 002's indicators of direction 1.2 at the level of the region,
each computed from the municipal systems' indicator of the same seed code (aggregation), with the
seed's wording, criteria and sources, in the monitorings seed 002 names. No persons,
organisations, territories, order numbers or texts of a particular district or school.

Usage: releng/scripts/make-templates.py   (from the repository root; rewrites the three files)
"""
import copy
import xml.etree.ElementTree as ET

XMI = 'http://www.omg.org/XMI'
XSI = 'http://www.w3.org/2001/XMLSchema-instance'
OKO = 'http://oko.dev/model/1.0'
ID = '{%s}id' % XMI
ET.register_namespace('xmi', XMI)
ET.register_namespace('xsi', XSI)
ET.register_namespace('oko', OKO)

seeds = ET.parse('bundles/oko.municipal/samples/seeds.xmi').getroot()
systems = {q.get('code'): q for q in seeds.findall('qualitySystems')}
REFS = ('documents', 'responsibleRoles', 'roles', 'group', 'role')  # 'role': a function's participations (RACI)


def root(rid, name, description):
    r = ET.Element('{%s}ModelRoot' % OKO, {'{%s}version' % XMI: '2.0', ID: rid, 'name': name,
                                          'description': description})
    return r


def renumber(element, prefix):
    """Prefixes every id under element and every same-file reference to one; drops other references."""
    ids = {e.get(ID) for e in element.iter() if e.get(ID)}
    for e in element.iter():
        if e.get(ID):
            e.set(ID, prefix + e.get(ID))
        for attribute in REFS:
            if attribute in e.attrib and e is not element:
                kept = [prefix + i for i in e.get(attribute).split() if i in ids]
                if kept:
                    e.set(attribute, ' '.join(kept))
                else:
                    del e.attrib[attribute]


def write(r, path):
    ET.indent(r, '  ')
    ET.ElementTree(r).write(path, encoding='UTF-8', xml_declaration=True)
    with open(path, 'a', encoding='utf-8') as f:
        f.write('\n')


# --- municipal ---------------------------------------------------------------------------------
functions = systems['msoko-functions-001']
ishimbay = systems['ishimbay-msoko']
techmap = next(m for m in ishimbay.findall('technologicalMaps') if m.get(ID) == 'tm-000')
m = root('tpl-municipal', 'Шаблон модуля МСОКО',
         'Структура муниципальной системы оценки качества образования: направления 1.1–2.5 с шестью этапами '
         'управленческого цикла, типовые роли и документы, показатели направления 1.2 (seed 002), которые '
         'агрегирует РСОКО. Данных конкретного района нет.')
system = ET.SubElement(m, 'qualitySystems', {ID: 'msoko', 'code': 'msoko-template', 'level': 'MUNICIPALITY',
                                             'name': 'МСОКО (шаблон)'})
for group in ishimbay.findall('directionGroups'):
    ET.SubElement(system, 'directionGroups', {ID: 'dg-' + group.get('code'), 'code': group.get('code'),
                                              'name': group.get('name')})
generic_roles = [('coordinator', 'Координатор направления', 'COORDINATOR'),
                 ('executor', 'Ответственный исполнитель', 'RESPONSIBLE_EXECUTOR'),
                 ('operator', 'Муниципальный оператор', 'MUNICIPAL_OPERATOR')]
for direction in ishimbay.findall('directions'):
    code = direction.get('code')
    d = ET.SubElement(system, 'directions', {ID: 'dir-' + code, 'code': code, 'name': direction.get('name'),
                                             'group': 'dg-' + code.split('.')[0],
                                             'roles': ' '.join('role-' + r[0] for r in generic_roles)})
    for row in techmap.findall('rows'):
        stage = {ID: 'stage-%s-%s' % (code, row.get('number'))}
        for attribute in ('name', 'kind', 'number', 'action', 'coordinatorDuty', 'executorsDuty', 'operatorDuty'):
            if row.get(attribute) is not None:
                stage[attribute] = row.get(attribute)
        ET.SubElement(d, 'stages', stage)
for code, name, kind in generic_roles:
    ET.SubElement(system, 'roles', {ID: 'role-' + code, 'code': code, 'name': name, 'kind': kind})
part = copy.deepcopy(functions)
renumber(part, 'f-')
for child in list(part):
    if child.tag in ('roles', 'sections', 'documents'):
        system.append(child)
tm = copy.deepcopy(techmap)
renumber(tm, 'tm-')
tm.attrib.pop('description', None)
system.append(tm)

# Seed 002's municipal indicators of direction 1.2 that the region's aggregate (issue 22): the value of
# a municipality is that of its indicator for its organisation (the education authority). 1.2.3 (the
# ОМС's own publications) and 1.2.4 (the district as a whole) by the seed's formulas over the
# authority's data; the shares of schools 1.2.5 and 1.2.10 over a school's flag, and the shares of a
# school's teachers 1.2.6-1.2.8 as the mean over the schools, each from an indicator per school
# (code X.1). Name, criterion and sources of seed 002 word for word (the sample's transcription), the
# district's name left out; the data elements the formulas read, without the district's information
# systems (named in the sources' text).
ishimbay_indicators = {i.get('code'): i for i in ishimbay.findall('indicators')}
data_elements = {e.get('code'): e for e in ishimbay.findall('dataElements')}
PER_SCHOOL = {  # code below: name, criteria, formula, value kind, the municipal aggregation
    '1.2.5': ('В школе проведена диагностика обучающихся с трудностями в учебной деятельности для определения '
              'причин неспешности и выданы рекомендации по устранению дефицитов (да/нет)',
              'Значение школы ШНОР или ШНУС: проведена диагностика обучающихся и выданы рекомендации (да/нет).',
              'diagnostics_done and recommendations_issued', 'FLAG', 'SHARE_MEETING_THRESHOLD'),
    '1.2.6': ('Доля учителей школы, прошедших диагностику по наличию дефицитов', None,
              'share(teachers_diagnosed, teachers_total)', 'PERCENT', 'MEAN'),
    '1.2.7': ('Доля учителей школы, прошедших повышение квалификации с учетом индивидуальных запросов учителей', None,
              'share(teachers_kpk_individual, teachers_total)', 'PERCENT', 'MEAN'),
    '1.2.8': ('Доля учителей школы, прошедших повышение квалификации по приемам работы с детьми с риском '
              'образовательной неуспешности и с учетом особенностей контингента учащихся', None,
              'share(teachers_kpk_risk_students, teachers_total)', 'PERCENT', 'MEAN'),
    '1.2.10': ('Школа внедряет практики сетевого взаимодействия с использованием элементов цифровой образовательной '
               'среды (да/нет)',
               'Значение школы: внедряет ли она практики сетевого взаимодействия (да/нет).',
               'network_practices', 'FLAG', 'SHARE_MEETING_THRESHOLD')}
MUNICIPAL_WORDS = {
    'SHARE_MEETING_THRESHOLD': 'Доля (%) школ, значение показателя {0} у которых «да»: количество школ со значением '
                               '«да» ÷ количество школ со значением × 100.',
    'MEAN': 'Среднее арифметическое значений показателя {0} у школ муниципалитета (каждая школа с весом 1).'}
MUNICIPAL_MISSING = ('Школа без значения не учитывается; число таких школ указывается как полнота данных. Значение '
                     'хранится для организации системы (управления образованием).')
MUNICIPAL_MONITORINGS = [('1.2-М5', ['1.2.3']), ('1.2-М3', ['1.2.4', '1.2.5', '1.2.10']),
                         ('1.2-М4', ['1.2.6', '1.2.7', '1.2.8'])]


def local(text):
    """The seed's text without the district: its name left out, its «МКУ УО» read as «ОМС» (as the region does)."""
    text = text.replace(' МР Ишимбайский район РБ', '').replace(' МР Ишимбайский район', '').replace(' (МКУ УО)', '')
    return text.replace('аналитический отчет на МКУ УО,', 'аналитический отчет ОМС').replace('МКУ УО', 'ОМС')


for group in ishimbay.findall('indicatorGroups'):
    ET.SubElement(system, 'indicatorGroups', {ID: 'm' + group.get(ID), 'number': group.get('number'),
                                              'direction': 'dir-1.2', 'name': group.get('name')})
used = set()
for code in ('1.2.3', '1.2.4', '1.2.5', '1.2.6', '1.2.7', '1.2.8', '1.2.10'):
    seed = ishimbay_indicators[code]
    group = 'm' + seed.get('group')
    common = {'direction': 'dir-1.2', 'group': group, 'sources': local(seed.get('sources')),
              'collectionMethod': local(seed.get('collectionMethod')), 'responsibleRoles': 'role-operator',
              'responsibleText': local(seed.get('responsibleText'))}
    attributes = {ID: 'mind-' + code, 'code': code, 'name': seed.get('name'), 'criteria': seed.get('criteria')}
    if code in PER_SCHOOL:
        name, criteria, formula, kind, aggregation = PER_SCHOOL[code]
        school = {ID: 'mind-' + code + '.1', 'code': code + '.1', 'name': name,
                  'criteria': criteria or seed.get('criteria'), 'formula': formula, 'valueKind': kind,
                  'higherIsBetter': 'true'}
        if kind == 'PERCENT':
            school['unit'] = '%'
        school.update(common)
        school['description'] = ('Значение школы (по её первичным данным); показатель ' + code
                                 + ' муниципалитета рассчитывается по значениям школ.')
        attributes['criteria'] += '\n' + MUNICIPAL_WORDS[aggregation].replace('{0}', code + '.1') + ' ' \
            + MUNICIPAL_MISSING
        attributes.update({'aggregation': aggregation, 'aggregatedCode': code + '.1', 'valueKind': 'PERCENT',
                           'unit': '%', 'higherIsBetter': 'true'})
        attributes.update(common)
        attributes['description'] = ('Значение муниципалитета (для управления образованием) по значениям его '
                                     'школ, показатель ' + code + '.1; его агрегирует региональный показатель Р-'
                                     + code + '.')
        ET.SubElement(system, 'indicators', attributes)
        ET.SubElement(system, 'indicators', school)
        used.update(d for d in data_elements if d in formula.replace('(', ' ').replace(',', ' ').replace(')', ' ')
                    .split())
    else:
        attributes.update({'formula': seed.get('formula'), 'valueKind': seed.get('valueKind')})
        for attribute in ('unit', 'higherIsBetter'):
            if seed.get(attribute) is not None:
                attributes[attribute] = seed.get(attribute)
        attributes.update(common)
        attributes['description'] = (local(seed.get('description')) + ' Значение муниципалитета (по первичным данным '
                                     'управления образованием) агрегирует региональный показатель Р-' + code + '.')
        ET.SubElement(system, 'indicators', attributes)
        used.update(d for d in data_elements if d in seed.get('formula').replace('(', ' ').replace(',', ' ')
                    .replace(')', ' ').split())
# The unit of a count says what it counts: seed 002 names no units; the sample gives the number of the
# district's schools (schools_total) «чел.» and no unit to the number of schools that changed position
# and to the number of a school's teachers. A count of schools (organisations) is in «ед.», a count of
# teachers in «чел.», as the other counts of teachers of the sample are; flags have no unit.
UNITS_OF_COUNTS = {'schools_total': 'ед.', 'schools_changed_risk_position': 'ед.', 'teachers_total': 'чел.',
                   'teachers_diagnosed': 'чел.', 'teachers_kpk_individual': 'чел.',
                   'teachers_kpk_risk_students': 'чел.'}
for code in [d for d in data_elements if d in used]:
    element = {ID: 'mde-' + code}
    for attribute in ('code', 'name', 'valueKind', 'unit', 'collectionMethod', 'description'):
        if attribute == 'unit':
            if data_elements[code].get('valueKind') == 'COUNT':
                element['unit'] = UNITS_OF_COUNTS[code]  # a count the table above does not know fails here
        elif data_elements[code].get(attribute) is not None:
            element[attribute] = local(data_elements[code].get(attribute))
    ET.SubElement(system, 'dataElements', element)
seed_monitorings = {mo.get('code'): mo for mo in ishimbay.findall('monitorings')}
for code, codes in MUNICIPAL_MONITORINGS:
    source = seed_monitorings[code]
    ids = []
    for c in codes:
        ids += ['mind-' + c] + (['mind-' + c + '.1'] if c in PER_SCHOOL else [])
    mo = ET.SubElement(system, 'monitorings', {
        ID: 'mmon-' + code, 'code': code, 'name': source.get('name'), 'direction': 'dir-1.2',
        'indicators': ' '.join(ids), 'responsibleRoles': 'role-coordinator role-executor',
        'description': source.get('description')})
    for method in source.findall('processingMethods'):
        ET.SubElement(mo, 'processingMethods').text = method.text
write(m, 'bundles/oko.municipal/templates/municipal.xmi')

# --- school ------------------------------------------------------------------------------------
vsoko = copy.deepcopy(systems['vsoko-chel-sosh51'])
renumber(vsoko, 's-')
s = root('tpl-school', 'Шаблон модуля ВСОКО',
         'Структура внутренней системы оценки качества образования школы: распределение функций по разделам, '
         'роли и документы. Данных конкретной школы нет.')
system = ET.SubElement(s, 'qualitySystems', {ID: 'vsoko', 'code': 'vsoko-template', 'level': 'SCHOOL',
                                             'name': 'ВСОКО (шаблон)'})
for child in list(vsoko):
    if child.tag in ('roles', 'sections', 'documents'):
        child.attrib.pop('organisation', None)
        system.append(child)
write(s, 'bundles/oko.school/templates/school.xmi')

# --- region ------------------------------------------------------------------------------------
# Seed 002's table (appendix 3, direction 1.2) is the municipal copy of the region's programme: its
# «Доля ОМС…» is a share of municipalities, its shares of schools and teachers are the region's as
# well. The region's indicator Р-X aggregates the municipal systems' indicator X: a share of those
# meeting it for the flag «ОМС разработал и реализует программы…», the mean of the municipalities'
# values for the others. 1.2.1, 1.2.2 (identifying the schools, per school) and 1.2.9 («Наличие мер
# поддержки … в школе», per school) are not over municipalities and are left out. The information
# systems are named in the sources' text only (a template refers to nothing outside its system).
AGGREGATED = [('1.2.3', 'SHARE_MEETING_THRESHOLD', 'Р-М5'), ('1.2.4', 'MEAN', 'Р-М3'), ('1.2.5', 'MEAN', 'Р-М3'),
              ('1.2.6', 'MEAN', 'Р-М4'), ('1.2.7', 'MEAN', 'Р-М4'), ('1.2.8', 'MEAN', 'Р-М4'),
              ('1.2.10', 'MEAN', 'Р-М3')]
UNITS = 'муниципалитетов (муниципальных систем, подчинённых региональной)'
WORDS = {  # as oko.core.formula.Aggregations.criteria writes them (oko.core/internal/messages.properties)
    'SHARE_MEETING_THRESHOLD': 'Доля (%) {1}, значение показателя {0} у которых достигает его порога (для признака '
                               'да/нет — «да»): количество достигших ÷ количество со значением × 100.',
    'MEAN': 'Среднее арифметическое значений показателя {0} у {1}.'}
MISSING = 'Единицы без значения не учитываются; их число указывается как полнота данных.'
indicators = {i.get('code'): i for i in ishimbay.findall('indicators')}


def regional(text):
    """The seed's sources as the region reads them: the district's «МКУ УО» reports are those of the ОМС."""
    return text.replace('аналитический отчет на МКУ УО,', 'аналитический отчет ОМС').replace('МКУ УО', 'ОМС')


monitorings = {mo.get('code'): mo for mo in ishimbay.findall('monitorings')}
r = root('tpl-region', 'Шаблон модуля РСОКО',
         'Структура региональной системы оценки качества образования: роль регионального оператора и показатели '
         'направления 1.2 (seed 002) по муниципалитетам. Данных конкретного региона нет.')
system = ET.SubElement(r, 'qualitySystems', {ID: 'rsoko', 'code': 'rsoko-template', 'level': 'REGION',
                                             'name': 'РСОКО (шаблон)'})
ET.SubElement(system, 'roles', {
    ID: 'role-regional-operator', 'code': 'regional-operator', 'name': 'Региональный оператор', 'kind': 'OTHER',
    'description': 'Региональный оператор (центр оценки качества образования): сбор информации ОМС, свод и анализ '
                   'значений муниципалитетов по показателям РСОКО, адресные рекомендации муниципалитетам.'})
for group in ishimbay.findall('indicatorGroups'):
    ET.SubElement(system, 'indicatorGroups', {ID: 'r' + group.get(ID), 'number': group.get('number'),
                                              'name': group.get('name')})
for code, kind, monitoring in AGGREGATED:
    below = indicators[code]
    share = kind == 'SHARE_MEETING_THRESHOLD'
    attributes = {ID: 'rind-' + code, 'code': 'Р-' + code, 'name': below.get('name'),
                  'criteria': below.get('criteria') + '\n' + WORDS[kind].replace('{0}', code).replace('{1}', UNITS)
                  + ' ' + MISSING,
                  'aggregation': kind, 'aggregatedCode': code,
                  'valueKind': 'PERCENT', 'unit': '%', 'higherIsBetter': 'true',
                  'group': 'r' + below.get('group').split('-low')[0].split('-social')[0],
                  'sources': regional(below.get('sources')), 'collectionMethod': regional(below.get('collectionMethod')),
                  'responsibleRoles': 'role-regional-operator', 'responsibleText': 'Региональный оператор'}
    attributes['description'] = (
        'Значение региона — по значениям муниципальных систем, подчинённых РСОКО, показателя ' + code
        + ' для организации каждой (управления образованием). '
        + ('В МСОКО ' + code + ' — признак да/нет для ОМС (seed 002).' if share else
           'В МСОКО ' + code + ' должен быть значением муниципалитета (для управления образованием), а не школы: '
           'при значениях только по школам у муниципалитета нет значения, и он не входит в среднее.')
        + ' Среднее — по муниципалитетам, каждый с весом 1.' * (not share))
    ET.SubElement(system, 'indicators', attributes)
for code, name_code in (('Р-М3', '1.2-М3'), ('Р-М4', '1.2-М4'), ('Р-М5', '1.2-М5')):
    source = monitorings[name_code]
    ET.SubElement(system, 'monitorings', {
        ID: 'rmon-' + code, 'code': code, 'name': source.get('name'),
        'indicators': ' '.join('rind-' + c for c, _, m in AGGREGATED if m == code),
        'responsibleRoles': 'role-regional-operator',
        'description': 'Мониторинг программы направления 1.2 (seed 002) на уровне региона: значения рассчитываются '
                       'по значениям муниципалитетов. Периодичность в источнике не указана.'})
write(r, 'bundles/oko.region/templates/region.xmi')
