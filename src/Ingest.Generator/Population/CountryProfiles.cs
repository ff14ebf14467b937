namespace Ingest.Generator.Population;

/// <summary>The sending countries (weights follow the main senders of posted workers to France) and third countries.</summary>
public static class CountryProfiles
{
    public static readonly CountryProfile[] Senders =
    [
        new()
        {
            Code = "PL", SenderWeight = 18, Institutions = ["PL:ZUS0001", "PL:ZUS10OS", "PL:KRUS0001"],
            FamilyNames = ["Kowalski/Kowalska", "Nowak", "Wiśniewski/Wiśniewska", "Wójcik", "Kamiński/Kamińska", "Lewandowski/Lewandowska", "Zieliński/Zielińska", "Szymański/Szymańska", "Woźniak", "Dąbrowski/Dąbrowska", "Kozłowski/Kozłowska", "Jankowski/Jankowska", "Mazur", "Krawczyk", "Piotrowski/Piotrowska", "Grabowski/Grabowska", "Pawłowski/Pawłowska", "Michalski/Michalska", "Król", "Wieczorek"],
            MaleNames = ["Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin", "Łukasz", "Grzegorz", "Jakub", "Mateusz", "Wojciech", "Zbigniew", "Jarosław"],
            FemaleNames = ["Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Magdalena", "Joanna", "Żaneta", "Aleksandra"],
            Towns = ["Warszawa|00-950", "Kraków|30-001", "Łódź|90-001", "Wrocław|50-001", "Poznań|60-001", "Gdańsk|80-001", "Szczecin|70-001", "Lublin|20-001", "Białystok|15-001", "Rzeszów|35-001", "Opole|45-001", "Kielce|25-001"],
            Streets = ["Marszałkowska", "Piłsudskiego", "Długa", "Kościuszki", "Mickiewicza", "Słowackiego", "Żeromskiego", "Grunwaldzka"],
            StreetFormat = "ul. {0} {1}",
            CompanyStems = ["Budmax", "Polbud", "Transpol", "Stalbud", "Elektromont", "Dekorbud", "Agrotrans", "Montex", "Betonpol", "Izolbud"],
            CompanyForms = ["Sp. z o.o.", "S.A.", "Sp. j.", "sp. z o.o."],
        },
        new()
        {
            Code = "PT", SenderWeight = 12, Institutions = ["PT:ISS0001", "PT:ISSIP01"],
            FamilyNames = ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Jesus", "Sousa", "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques", "Araújo", "Simões", "Conceição"],
            MaleNames = ["João", "José", "António", "Manuel", "Francisco", "Luís", "Paulo", "Rui", "Sérgio", "Tiago", "Nuno", "Gonçalo"],
            FemaleNames = ["Maria", "Ana", "Inês", "Sofia", "Beatriz", "Joana", "Mariana", "Conceição", "Fátima", "Luísa"],
            Towns = ["Lisboa|1000-001", "Porto|4000-001", "Braga|4700-001", "Coimbra|3000-001", "Aveiro|3800-001", "Viseu|3500-001", "Guimarães|4800-001", "Leiria|2400-001", "Setúbal|2900-001"],
            Streets = ["Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina", "Rua do Comércio", "Avenida dos Aliados", "Rua da Conceição"],
            CompanyStems = ["Construções Abreu", "Transportes Lusos", "Obras Minho", "Metalúrgica Beira", "Serralharia Douro", "Construlis"],
            CompanyForms = ["Lda.", "Unipessoal Lda.", "S.A."],
        },
        new()
        {
            Code = "RO", SenderWeight = 11, Institutions = ["RO:CNPP0001", "RO:CNASRO1"],
            FamilyNames = ["Popescu", "Ionescu", "Popa", "Pop", "Radu", "Dumitru", "Stan", "Stoica", "Gheorghe", "Matei", "Ciobanu", "Munteanu", "Moldovan", "Constantinescu", "Țurcanu", "Șerban"],
            MaleNames = ["Ion", "Gheorghe", "Vasile", "Constantin", "Mihai", "Andrei", "Alexandru", "Florin", "Ștefan", "Marius", "Cătălin", "Ionuț"],
            FemaleNames = ["Maria", "Elena", "Ioana", "Andreea", "Mihaela", "Cristina", "Ana", "Gabriela", "Loredana", "Ștefania"],
            Towns = ["București|010011", "Cluj-Napoca|400001", "Timișoara|300001", "Iași|700001", "Constanța|900001", "Craiova|200001", "Brașov|500001", "Galați|800001", "Bacău|600001", "Suceava|720001"],
            Streets = ["Strada Victoriei", "Bulevardul Unirii", "Strada Mihai Eminescu", "Strada Ștefan cel Mare", "Calea Dorobanților"],
            CompanyStems = ["Construct Carpați", "Transilvania Trans", "Dacia Montaj", "Moldova Construct", "Danubiu Serv"],
            CompanyForms = ["S.R.L.", "SRL", "S.A."],
        },
        new()
        {
            Code = "ES", SenderWeight = 10, Institutions = ["ES:INSS0001", "ES:TGSS0001"],
            FamilyNames = ["García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero"],
            MaleNames = ["Antonio", "José", "Manuel", "Francisco", "David", "Juan", "Javier", "Daniel", "Jesús", "Sergio", "Iñaki", "Álvaro"],
            FemaleNames = ["María", "Carmen", "Josefa", "Isabel", "Lucía", "Ana", "Laura", "Cristina", "Marta", "Nuria"],
            Towns = ["Madrid|28001", "Barcelona|08001", "Valencia|46001", "Sevilla|41001", "Zaragoza|50001", "Málaga|29001", "Bilbao|48001", "Murcia|30001", "Girona|17001", "Lleida|25001"],
            Streets = ["Calle Mayor", "Gran Vía", "Calle de Alcalá", "Avenida de la Constitución", "Calle Real", "Paseo de Gràcia"],
            CompanyStems = ["Construcciones Ibéricas", "Transportes Ebro", "Montajes del Norte", "Instalaciones Levante", "Obras Cantábrico"],
            CompanyForms = ["S.L.", "S.A.", "SL"],
        },
        new()
        {
            Code = "DE", SenderWeight = 9, Institutions = ["DE:DRV00001", "DE:DVKA0001", "DE:AOKBY001"],
            FamilyNames = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Krüger", "Hartmann", "Weiß", "Lange"],
            MaleNames = ["Thomas", "Michael", "Andreas", "Stefan", "Jürgen", "Klaus", "Uwe", "Frank", "Jörg", "Matthias", "Lukas", "Maximilian"],
            FemaleNames = ["Sabine", "Petra", "Andrea", "Claudia", "Monika", "Birgit", "Katrin", "Jana", "Lena", "Jessica"],
            Towns = ["Berlin|10115", "Hamburg|20095", "München|80331", "Köln|50667", "Frankfurt am Main|60311", "Stuttgart|70173", "Düsseldorf|40213", "Saarbrücken|66111", "Freiburg im Breisgau|79098", "Karlsruhe|76133", "Nürnberg|90402"],
            Streets = ["Hauptstraße", "Bahnhofstraße", "Schulstraße", "Gartenstraße", "Lindenstraße", "Königsallee", "Schloßstraße"],
            CompanyStems = ["Bau", "Montage Süd", "Elektro Schäfer", "Logistik Rhein", "Gerüstbau Weber", "Trockenbau Nord", "Fassaden Krüger"],
            CompanyForms = ["GmbH", "GmbH & Co. KG", "AG", "UG (haftungsbeschränkt)"],
        },
        new()
        {
            Code = "IT", SenderWeight = 8, Institutions = ["IT:INPS0001", "IT:INAIL001"],
            FamilyNames = ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Nicolò"],
            MaleNames = ["Giuseppe", "Giovanni", "Antonio", "Mario", "Luigi", "Francesco", "Angelo", "Vincenzo", "Pietro", "Niccolò", "Salvatore", "Andrea"],
            FemaleNames = ["Maria", "Anna", "Giuseppina", "Rosa", "Angela", "Giovanna", "Teresa", "Lucia", "Carmela", "Francesca"],
            Towns = ["Roma|00118", "Milano|20121", "Napoli|80121", "Torino|10121", "Palermo|90121", "Genova|16121", "Bologna|40121", "Firenze|50121", "Bari|70121", "Cuneo|12100"],
            Streets = ["Via Roma", "Via Garibaldi", "Corso Vittorio Emanuele", "Via Mazzini", "Via Cavour", "Piazza del Popolo"],
            CompanyStems = ["Costruzioni Alpine", "Edil Nord", "Trasporti Padani", "Impianti Liguri", "Montaggi Piemonte"],
            CompanyForms = ["S.r.l.", "S.p.A.", "Srl"],
        },
        new()
        {
            Code = "BE", SenderWeight = 6, Institutions = ["BE:ONSS0001", "BE:INASTI01"],
            FamilyNames = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "Vandenberghe", "Lefèvre", "Leclercq", "Martens", "Dumont", "Peters", "Smets", "Michiels", "Hermans", "Lemmens", "Aerts", "Stevens", "Renard", "Collard"],
            MaleNames = ["Jan", "Luc", "Marc", "Pieter", "Thomas", "Jean", "Michel", "Philippe", "Wouter", "Koen", "Sébastien"],
            FemaleNames = ["Marie", "Anne", "Els", "Sofie", "Nathalie", "Julie", "Inge", "Hélène", "Céline", "An"],
            Towns = ["Bruxelles|1000", "Antwerpen|2000", "Gent|9000", "Charleroi|6000", "Liège|4000", "Namur|5000", "Brugge|8000", "Mons|7000", "Arlon|6700"],
            Streets = ["Rue de la Loi", "Meir", "Rue Neuve", "Kerkstraat", "Stationsstraat", "Chaussée de Wavre"],
            CompanyStems = ["Bouw Vlaanderen", "Construct Wallonie", "Transports Ardennes", "Techniek Schelde"],
            CompanyForms = ["BV", "SRL", "NV", "SA"],
        },
        new()
        {
            Code = "BG", SenderWeight = 5, Institutions = ["BG:NOI00001", "BG:NRA00001"], NativeScriptShare = 0.35,
            FamilyNames = ["Ivanov/Ivanova", "Georgiev/Georgieva", "Dimitrov/Dimitrova", "Petrov/Petrova", "Nikolov/Nikolova", "Hristov/Hristova", "Stoyanov/Stoyanova", "Todorov/Todorova", "Iliev/Ilieva", "Zhelyazkov/Zhelyazkova", "Angelov/Angelova", "Atanasov/Atanasova", "Kolev/Koleva", "Marinov/Marinova", "Kostov/Kostova", "Popov/Popova"],
            NativeFamilyNames = ["Иванов/Иванова", "Георгиев/Георгиева", "Димитров/Димитрова", "Петров/Петрова", "Николов/Николова", "Христов/Христова", "Стоянов/Стоянова", "Тодоров/Тодорова", "Илиев/Илиева", "Желязков/Желязкова", "Ангелов/Ангелова", "Атанасов/Атанасова", "Колев/Колева", "Маринов/Маринова", "Костов/Костова", "Попов/Попова"],
            MaleNames = ["Georgi", "Ivan", "Dimitar", "Nikolay", "Petar", "Hristo", "Stoyan", "Todor", "Yordan", "Zhivko"],
            NativeMaleNames = ["Георги", "Иван", "Димитър", "Николай", "Петър", "Христо", "Стоян", "Тодор", "Йордан", "Живко"],
            FemaleNames = ["Maria", "Ivanka", "Elena", "Yordanka", "Petya", "Desislava", "Tsvetanka", "Galina"],
            NativeFemaleNames = ["Мария", "Иванка", "Елена", "Йорданка", "Петя", "Десислава", "Цветанка", "Галина"],
            Towns = ["Sofia|1000", "Plovdiv|4000", "Varna|9000", "Burgas|8000", "Ruse|7000", "Stara Zagora|6000", "Pleven|5800"],
            Streets = ["bul. Vitosha", "ul. Rakovski", "bul. Tsar Osvoboditel", "ul. Graf Ignatiev"],
            CompanyStems = ["Balkan Stroy", "Trakia Trans", "Rila Montazh", "Dunav Build"],
            CompanyForms = ["EOOD", "OOD", "AD"],
        },
        new()
        {
            Code = "EL", SenderWeight = 2, Institutions = ["EL:EFKA0001", "EL:IKA00001"], NativeScriptShare = 0.4,
            FamilyNames = ["Papadopoulos/Papadopoulou", "Georgiou", "Nikolaou", "Papadakis", "Dimitriou", "Konstantinidis/Konstantinidou", "Vlachos/Vlachou", "Antoniou", "Ioannidis/Ioannidou", "Karagiannis/Karagianni"],
            NativeFamilyNames = ["Παπαδόπουλος/Παπαδοπούλου", "Γεωργίου", "Νικολάου", "Παπαδάκης", "Δημητρίου", "Κωνσταντινίδης/Κωνσταντινίδου", "Βλάχος/Βλάχου", "Αντωνίου", "Ιωαννίδης/Ιωαννίδου", "Καραγιάννης/Καραγιάννη"],
            MaleNames = ["Georgios", "Ioannis", "Konstantinos", "Dimitrios", "Nikolaos", "Panagiotis", "Vasileios", "Christos"],
            NativeMaleNames = ["Γεώργιος", "Ιωάννης", "Κωνσταντίνος", "Δημήτριος", "Νικόλαος", "Παναγιώτης", "Βασίλειος", "Χρήστος"],
            FemaleNames = ["Maria", "Eleni", "Aikaterini", "Vasiliki", "Sofia", "Angeliki", "Dimitra", "Georgia"],
            NativeFemaleNames = ["Μαρία", "Ελένη", "Αικατερίνη", "Βασιλική", "Σοφία", "Αγγελική", "Δήμητρα", "Γεωργία"],
            Towns = ["Athina|10431", "Thessaloniki|54625", "Patra|26221", "Irakleio|71201", "Larisa|41221", "Volos|38221"],
            Streets = ["Odos Ermou", "Leoforos Vasilissis Sofias", "Odos Egnatia", "Odos Athinas"],
            CompanyStems = ["Hellas Construct", "Aegean Techniki", "Olympos Metaforiki", "Attiki Ergon"],
            CompanyForms = ["A.E.", "E.P.E.", "I.K.E."],
        },
        new()
        {
            Code = "CZ", SenderWeight = 2, Institutions = ["CZ:CSSZ0001", "CZ:VZP00001"],
            FamilyNames = ["Novák/Nováková", "Svoboda/Svobodová", "Novotný/Novotná", "Dvořák/Dvořáková", "Černý/Černá", "Procházka/Procházková", "Kučera/Kučerová", "Veselý/Veselá", "Horák/Horáková", "Pokorný/Pokorná", "Král/Králová", "Jelínek/Jelínková", "Růžička/Růžičková", "Beneš/Benešová", "Fiala/Fialová", "Sedláček/Sedláčková", "Doležal/Doležalová", "Zeman/Zemanová", "Kolář/Kolářová"],
            MaleNames = ["Jiří", "Jan", "Petr", "Josef", "Pavel", "Martin", "Tomáš", "Jaroslav", "Lukáš", "Milan", "Zdeněk", "Jakub", "Michal"],
            FemaleNames = ["Jana", "Marie", "Eva", "Hana", "Lenka", "Kateřina", "Věra", "Lucie", "Petra", "Alena", "Tereza", "Veronika"],
            Towns = ["Praha|110 00", "Brno|602 00", "Ostrava|702 00", "Plzeň|301 00", "Liberec|460 01", "Olomouc|779 00"],
            Streets = ["Václavské náměstí", "Národní", "Husova", "Masarykova", "Palackého"],
            CompanyStems = ["Stavby Morava", "Českomont", "Trans Bohemia", "Elektro Vltava"],
            CompanyForms = ["s.r.o.", "a.s."],
        },
        new()
        {
            Code = "SK", SenderWeight = 2, Institutions = ["SK:SP000001", "SK:SOCPOI01"],
            FamilyNames = ["Horváth/Horváthová", "Kováč/Kováčová", "Varga/Vargová", "Tóth/Tóthová", "Nagy/Nagyová", "Baláž/Balážová", "Szabó/Szabóová", "Molnár/Molnárová", "Kollár/Kollárová", "Lukáč/Lukáčová", "Novák/Nováková", "Oravec/Oravcová", "Kováčik/Kováčiková", "Polák/Poláková", "Hudák/Hudáková", "Šimko/Šimková", "Marek/Mareková", "Gajdoš/Gajdošová"],
            MaleNames = ["Peter", "Ján", "Jozef", "Michal", "Martin", "Ľubomír", "Štefan", "Miroslav", "Juraj", "Marek", "Tomáš", "Marián"],
            FemaleNames = ["Mária", "Anna", "Zuzana", "Katarína", "Ľudmila", "Eva", "Jana", "Monika", "Lucia", "Ivana", "Martina"],
            Towns = ["Bratislava|811 01", "Košice|040 01", "Prešov|080 01", "Žilina|010 01", "Nitra|949 01"],
            Streets = ["Obchodná", "Hlavná", "Štúrova", "Námestie SNP"],
            CompanyStems = ["Tatry Stav", "Dunaj Trans", "Slovmont", "Váh Build"],
            CompanyForms = ["s.r.o.", "a.s."],
        },
        new()
        {
            Code = "HU", SenderWeight = 2, Institutions = ["HU:NEAK0001", "HU:ONYF0001"],
            FamilyNames = ["Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár", "Németh", "Farkas", "Balogh", "Papp", "Takács", "Juhász", "Lakatos", "Mészáros", "Oláh", "Simon", "Rácz", "Fekete", "Szilágyi", "Török"],
            MaleNames = ["László", "István", "József", "János", "Zoltán", "Sándor", "Gábor", "Ferenc", "Attila", "Tamás", "Csaba", "Péter", "Balázs"],
            FemaleNames = ["Mária", "Erzsébet", "Katalin", "Ilona", "Éva", "Anna", "Zsuzsanna", "Judit", "Ágnes", "Andrea", "Krisztina"],
            Towns = ["Budapest|1051", "Debrecen|4024", "Szeged|6720", "Miskolc|3525", "Pécs|7621", "Győr|9021"],
            Streets = ["Andrássy út", "Fő utca", "Kossuth Lajos utca", "Petőfi Sándor utca"],
            CompanyStems = ["Duna Építő", "Alföld Trans", "Magyar Szerelő", "Tisza Bau"],
            CompanyForms = ["Kft.", "Zrt.", "Bt."],
        },
        new()
        {
            Code = "LT", SenderWeight = 2, Institutions = ["LT:SODRA001", "LT:VLK00001"],
            FamilyNames = ["Kazlauskas/Kazlauskienė", "Jankauskas/Jankauskienė", "Petrauskas/Petrauskienė", "Stankevičius/Stankevičienė", "Vasiliauskas/Vasiliauskienė", "Žukauskas/Žukauskienė", "Kavaliauskas/Kavaliauskienė", "Rimkus/Rimkienė", "Paulauskas/Paulauskienė", "Butkus/Butkienė", "Urbonas/Urbonienė", "Navickas/Navickienė", "Kairys/Kairienė", "Ramanauskas/Ramanauskienė", "Sakalauskas/Sakalauskienė", "Adomaitis/Adomaitienė"],
            MaleNames = ["Jonas", "Tomas", "Mindaugas", "Darius", "Andrius", "Saulius", "Žydrūnas", "Vytautas", "Paulius", "Rimantas", "Gintaras"],
            FemaleNames = ["Ona", "Rūta", "Jūratė", "Laura", "Aistė", "Giedrė", "Inga", "Vilma", "Kristina", "Daiva"],
            Towns = ["Vilnius|LT-01100", "Kaunas|LT-44100", "Klaipėda|LT-91100", "Šiauliai|LT-76100", "Panevėžys|LT-35100"],
            Streets = ["Gedimino pr.", "Laisvės al.", "Vilniaus g.", "Pilies g."],
            CompanyStems = ["Baltic Statyba", "Nemunas Trans", "Vilniaus Montažas"],
            CompanyForms = ["UAB", "AB"],
        },
        new()
        {
            Code = "NL", SenderWeight = 3, Institutions = ["NL:SVB00001", "NL:UWV00001"],
            FamilyNames = ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "van der Meer", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Dijkstra", "Smits", "Vermeulen", "Kok", "Jacobs"],
            MaleNames = ["Jan", "Johannes", "Pieter", "Cornelis", "Hendrik", "Sander", "Daan", "Bram", "Joost", "Willem", "Gerrit", "Thijs", "Ruben", "Niels"],
            FemaleNames = ["Maria", "Johanna", "Anna", "Sanne", "Lotte", "Femke", "Anouk", "Eline", "Sophie", "Fleur", "Iris", "Marieke"],
            Towns = ["Amsterdam|1012 AB", "Rotterdam|3011 AA", "Den Haag|2511 AA", "Utrecht|3511 AA", "Eindhoven|5611 AA", "Maastricht|6211 AA"],
            Streets = ["Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg", "Prinsengracht"],
            CompanyStems = ["Bouwbedrijf Holland", "Transport Maas", "Installatie Rijn", "Delta Montage"],
            CompanyForms = ["B.V.", "BV", "N.V."],
        },
        new()
        {
            Code = "AT", SenderWeight = 2, Institutions = ["AT:OEGK0001", "AT:SVS00001"],
            FamilyNames = ["Gruber", "Huber", "Bauer", "Wagner", "Müller", "Pichler", "Steiner", "Moser", "Mayer", "Hofer", "Leitner", "Fuchs", "Berger", "Eder", "Fischer", "Schmid", "Winkler", "Weber", "Schwarz", "Maier", "Schneider", "Reiter"],
            MaleNames = ["Johann", "Franz", "Josef", "Karl", "Wolfgang", "Günter", "Florian", "Michael", "Andreas", "Thomas", "Stefan", "Markus"],
            FemaleNames = ["Maria", "Elisabeth", "Johanna", "Theresia", "Ursula", "Julia", "Anna", "Christine", "Sabine", "Andrea"],
            Towns = ["Wien|1010", "Graz|8010", "Linz|4020", "Salzburg|5020", "Innsbruck|6020"],
            Streets = ["Hauptplatz", "Mariahilfer Straße", "Bahnhofstraße", "Kärntner Straße"],
            CompanyStems = ["Alpenbau", "Donau Montage", "Tirol Transporte"],
            CompanyForms = ["GmbH", "KG"],
        },
        new()
        {
            Code = "LU", SenderWeight = 3, Institutions = ["LU:CCSS0001", "LU:CNS00001"],
            FamilyNames = ["Schmit", "Muller", "Weber", "Wagner", "Hoffmann", "Thill", "Kieffer", "Schroeder", "Schmitz", "Reuter", "Kremer", "Klein", "Majerus", "Ries", "Welter", "Schiltz", "Meyer", "Hansen", "Wagener", "Goedert"],
            MaleNames = ["Jean", "Marc", "Paul", "Luc", "Patrick", "Gilles", "Michel", "Claude", "Romain", "Fernand", "Laurent"],
            FemaleNames = ["Marie", "Anne", "Claudine", "Sandra", "Nathalie", "Martine", "Carole", "Josiane", "Michèle"],
            Towns = ["Luxembourg|L-1111", "Esch-sur-Alzette|L-4001", "Differdange|L-4501", "Dudelange|L-3401"],
            Streets = ["Grand-Rue", "Avenue de la Liberté", "Rue de l'Alzette", "Boulevard Royal"],
            CompanyStems = ["Lux Construct", "Moselle Services", "Benelux Interim", "Alzette Trans"],
            CompanyForms = ["S.à r.l.", "S.A.", "SARL-S"],
        },
        new()
        {
            Code = "SI", SenderWeight = 1, Institutions = ["SI:ZZZS0001", "SI:ZPIZ0001"],
            FamilyNames = ["Novak", "Horvat", "Kovačič", "Krajnc", "Zupančič", "Potočnik", "Kos", "Golob", "Kralj", "Vidmar", "Bizjak", "Kavčič", "Mlakar", "Kolar", "Žagar", "Turk", "Hribar", "Božič"],
            MaleNames = ["Franc", "Janez", "Marko", "Andrej", "Ivan", "Matej", "Anton", "Jožef", "Tomaž", "Boštjan", "Gregor"],
            FemaleNames = ["Marija", "Ana", "Maja", "Irena", "Mojca", "Nina", "Katja", "Barbara", "Petra"],
            Towns = ["Ljubljana|1000", "Maribor|2000", "Celje|3000", "Kranj|4000"],
            Streets = ["Slovenska cesta", "Trubarjeva ulica", "Prešernova cesta"],
            CompanyStems = ["Gradnje Sava", "Kras Montaža", "Alpe Trans"],
            CompanyForms = ["d.o.o.", "d.d."],
        },
        new()
        {
            Code = "HR", SenderWeight = 1, Institutions = ["HR:HZMO0001", "HR:HZZO0001"],
            FamilyNames = ["Horvat", "Kovačević", "Babić", "Marić", "Jurić", "Novak", "Knežević", "Pavlović", "Blažević", "Božić", "Lovrić", "Grgić", "Kovačić", "Vuković", "Matić", "Perić", "Tomić", "Pavić", "Radić"],
            MaleNames = ["Ivan", "Marko", "Josip", "Luka", "Tomislav", "Željko", "Ante", "Stjepan", "Dario", "Mario", "Nikola"],
            FemaleNames = ["Ana", "Marija", "Ivana", "Petra", "Mirjana", "Katarina", "Ivanka", "Sanja", "Nikolina"],
            Towns = ["Zagreb|10000", "Split|21000", "Rijeka|51000", "Osijek|31000"],
            Streets = ["Ilica", "Vukovarska ulica", "Ulica kralja Zvonimira"],
            CompanyStems = ["Jadran Gradnja", "Slavonija Trans", "Dalmacija Montaža"],
            CompanyForms = ["d.o.o.", "j.d.o.o."],
        },
        new()
        {
            Code = "CH", SenderWeight = 1, Institutions = ["CH:BSV00001", "CH:AHVBE001"],
            FamilyNames = ["Müller", "Meier", "Schmid", "Keller", "Weber", "Huber", "Favre", "Rochat", "Fischer", "Meyer", "Brunner", "Baumann", "Gerber", "Frei", "Zimmermann", "Moser", "Widmer", "Wyss", "Graf", "Roth"],
            MaleNames = ["Daniel", "Peter", "Thomas", "Urs", "Beat", "Reto", "Jean-Luc", "Markus", "Martin", "Christian", "Andreas", "Stefan"],
            FemaleNames = ["Maria", "Ursula", "Ruth", "Sandra", "Nicole", "Corinne", "Monika", "Barbara", "Elisabeth", "Daniela"],
            Towns = ["Zürich|8001", "Genève|1201", "Basel|4001", "Lausanne|1003", "Bern|3011"],
            Streets = ["Bahnhofstrasse", "Rue du Rhône", "Freie Strasse", "Avenue de la Gare"],
            CompanyStems = ["Helvetia Bau", "Léman Services", "Jura Technik"],
            CompanyForms = ["AG", "GmbH", "SA", "Sàrl"],
        },
        new()
        {
            Code = "DK", SenderWeight = 0.5, Institutions = ["DK:UDBETAL1", "DK:ATP00001"],
            FamilyNames = ["Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Sørensen", "Larsen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Johansen", "Møller", "Mortensen"],
            MaleNames = ["Peter", "Jens", "Lars", "Søren", "Henrik", "Niels", "Michael", "Morten", "Anders", "Rasmus", "Thomas"],
            FemaleNames = ["Anne", "Kirsten", "Hanne", "Mette", "Søs", "Susanne", "Lene", "Camilla", "Louise"],
            Towns = ["København|1050", "Aarhus|8000", "Odense|5000", "Aalborg|9000"],
            Streets = ["Strøget", "Vestergade", "Nørregade"],
            CompanyStems = ["Nordic Byg", "Jylland Transport", "Øresund Montage"],
            CompanyForms = ["ApS", "A/S"],
        },
        new()
        {
            Code = "NO", SenderWeight = 0.5, Institutions = ["NO:889640782", "NO:NAV00001"],
            FamilyNames = ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Bakke", "Karlsen", "Eriksen", "Berg", "Haugen", "Hagen", "Jacobsen", "Halvorsen", "Dahl", "Jensen", "Kristiansen", "Lie", "Moen"],
            MaleNames = ["Jan", "Per", "Bjørn", "Ole", "Lars", "Kjetil", "Knut", "Arne", "Geir", "Svein", "Terje"],
            FemaleNames = ["Anne", "Inger", "Kari", "Marit", "Ingrid", "Solveig", "Hilde", "Randi", "Liv", "Astrid"],
            Towns = ["Oslo|0155", "Bergen|5003", "Trondheim|7011", "Stavanger|4006"],
            Streets = ["Storgata", "Karl Johans gate", "Kongens gate"],
            CompanyStems = ["Fjord Bygg", "Nordlys Transport", "Viking Montasje"],
            CompanyForms = ["AS", "ASA"],
        },
    ];

    /// <summary>Third countries of the nationals posted from the EU, concentrated in construction and transport.</summary>
    public static readonly CountryProfile[] ThirdCountries =
    [
        new()
        {
            Code = "UA", Institutions = [], FamilyNames = ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Oliinyk", "Boiko", "Shevchuk", "Polishchuk", "Lysenko", "Savchenko", "Rudenko", "Marchenko", "Moroz", "Pavlenko", "Kovalchuk", "Klymenko", "Hnatiuk", "Ponomarenko"],
            MaleNames = ["Oleksandr", "Serhii", "Andrii", "Volodymyr", "Mykola", "Dmytro", "Ivan", "Vasyl", "Petro", "Yurii", "Taras", "Viktor", "Roman", "Bohdan"], FemaleNames = ["Olena", "Nataliia", "Tetiana", "Iryna", "Oksana", "Yuliia", "Svitlana", "Halyna", "Mariia", "Liudmyla"],
            Towns = ["Kyiv|01001", "Lviv|79000", "Kharkiv|61000", "Odesa|65000"], Streets = ["vul. Khreshchatyk"], CompanyStems = ["x"], CompanyForms = ["x"],
        },
        new()
        {
            Code = "MA", Institutions = [], FamilyNames = ["El Amrani", "Benali", "El Idrissi", "Alaoui", "Bennani", "Tazi", "Chraibi", "Benjelloun", "Berrada", "Lahlou", "Fassi", "Ouazzani", "Bouzid", "Haddad", "Ziani", "Tahiri", "Belhaj", "Kettani", "Sabri"],
            MaleNames = ["Mohamed", "Ahmed", "Youssef", "Hicham", "Rachid", "Karim", "Abdelaziz", "Mustapha", "Said", "Hassan", "Omar", "Khalid", "Nabil", "Redouane"], FemaleNames = ["Fatima", "Khadija", "Amina", "Naima", "Samira", "Zineb", "Hanane", "Laila", "Meryem", "Souad"],
            Towns = ["Casablanca|20000", "Rabat|10000", "Tanger|90000", "Fès|30000"], Streets = ["Boulevard Mohammed V"], CompanyStems = ["x"], CompanyForms = ["x"],
        },
        new()
        {
            Code = "TR", Institutions = [], FamilyNames = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özdemir", "Polat", "Erdoğan", "Güneş"],
            MaleNames = ["Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "İbrahim", "Hasan", "Osman", "Murat", "Emre", "Yusuf", "Ömer", "Halil", "Kemal"], FemaleNames = ["Fatma", "Ayşe", "Emine", "Hatice", "Zeynep", "Elif", "Merve", "Esra", "Özlem", "Gül"],
            Towns = ["İstanbul|34000", "Ankara|06000", "İzmir|35000", "Bursa|16000"], Streets = ["Atatürk Caddesi"], CompanyStems = ["x"], CompanyForms = ["x"],
        },
        new()
        {
            Code = "RS", Institutions = [], FamilyNames = ["Jovanović", "Petrović", "Nikolić", "Marković", "Đorđević", "Stojanović", "Ilić", "Pavlović", "Popović", "Đukić", "Kostić", "Stanković", "Milošević", "Lazić", "Todorović", "Ristić", "Mitrović", "Savić", "Simić"],
            MaleNames = ["Nikola", "Marko", "Stefan", "Miloš", "Dragan", "Zoran", "Aleksandar", "Milan", "Dušan", "Nenad", "Vladimir", "Goran", "Ivan", "Dejan"], FemaleNames = ["Milica", "Jelena", "Ana", "Dragana", "Snežana", "Marija", "Ivana", "Jovana", "Tijana", "Maja"],
            Towns = ["Beograd|11000", "Novi Sad|21000", "Niš|18000"], Streets = ["Knez Mihailova"], CompanyStems = ["x"], CompanyForms = ["x"],
        },
        new()
        {
            Code = "BA", Institutions = [], FamilyNames = ["Hodžić", "Begić", "Delić", "Hadžić", "Kovačević", "Mehmedović", "Hasanović", "Halilović", "Ibrahimović", "Alić", "Husić", "Mujić", "Omerović", "Šehić", "Suljić", "Kadić", "Bešić", "Karić"],
            MaleNames = ["Amir", "Adnan", "Emir", "Haris", "Mirza", "Senad", "Edin", "Kenan", "Dženan", "Almir", "Tarik", "Nermin", "Jasmin", "Elvir"], FemaleNames = ["Amra", "Lejla", "Selma", "Aida", "Emina", "Amila", "Lamija", "Ajla", "Merima", "Sanela"],
            Towns = ["Sarajevo|71000", "Banja Luka|78000", "Tuzla|75000", "Mostar|88000"], Streets = ["Ferhadija"], CompanyStems = ["x"], CompanyForms = ["x"],
        },
        new()
        {
            Code = "AL", Institutions = [], FamilyNames = ["Hoxha", "Shehu", "Leka", "Gjoka", "Krasniqi", "Dervishi", "Berisha", "Gashi", "Hyseni", "Kelmendi", "Morina", "Bytyqi", "Rama", "Shala", "Dema", "Mema", "Cela", "Hasani"],
            MaleNames = ["Arben", "Besnik", "Ilir", "Gentian", "Erion", "Artan", "Besart", "Driton", "Fatmir", "Agron", "Endrit", "Dritan", "Blerim", "Valon"], FemaleNames = ["Elona", "Anila", "Blerina", "Mirela", "Ardita", "Arta", "Drita", "Jonida", "Teuta", "Valbona"],
            Towns = ["Tiranë|1001", "Durrës|2001", "Shkodër|4001"], Streets = ["Rruga e Durrësit"], CompanyStems = ["x"], CompanyForms = ["x"],
        },
        new()
        {
            Code = "MD", Institutions = [], FamilyNames = ["Rusu", "Ceban", "Ciobanu", "Turcan", "Lungu", "Munteanu", "Cojocaru", "Rotaru", "Bivol", "Sirbu", "Ursu", "Cazacu", "Moraru", "Grosu", "Lupu", "Balan", "Botnaru", "Cebotari", "Popescu"],
            MaleNames = ["Ion", "Vasile", "Sergiu", "Andrei", "Igor", "Victor", "Alexandru", "Dumitru", "Nicolae", "Mihai", "Vitalie", "Oleg", "Ruslan", "Valeriu"], FemaleNames = ["Ana", "Elena", "Natalia", "Tatiana", "Olga", "Maria", "Irina", "Svetlana", "Cristina", "Ludmila"],
            Towns = ["Chișinău|2001", "Bălți|3100", "Cahul|3900"], Streets = ["Bulevardul Ștefan cel Mare"], CompanyStems = ["x"], CompanyForms = ["x"],
        },
        new()
        {
            Code = "IN", Institutions = [], FamilyNames = ["Singh", "Kumar", "Sharma", "Patel", "Gill", "Sandhu", "Dhillon", "Grewal", "Sidhu", "Brar", "Bains", "Virk", "Rana", "Chahal", "Mann", "Bajwa", "Randhawa", "Toor"],
            MaleNames = ["Gurpreet", "Harjit", "Rajesh", "Amit", "Sukhwinder", "Manpreet", "Jaspreet", "Kuldeep", "Baljit", "Parminder", "Navdeep", "Rakesh", "Sandeep", "Vikram"], FemaleNames = ["Priya", "Simran", "Harpreet", "Anjali", "Navneet", "Kiran", "Jasleen", "Rupinder", "Sunita"],
            Towns = ["Amritsar|143001", "Ludhiana|141001", "Jalandhar|144001"], Streets = ["Mall Road"], CompanyStems = ["x"], CompanyForms = ["x"],
        },
        new()
        {
            Code = "BR", Institutions = [], FamilyNames = ["da Silva", "dos Santos", "Oliveira", "Souza", "Lima", "Ferreira", "Alves", "Pereira", "Costa", "Rodrigues", "Almeida", "Nascimento", "Araújo", "Carvalho", "Gomes", "Martins", "Rocha", "Ribeiro", "Barbosa"],
            MaleNames = ["João", "Lucas", "Gabriel", "Rafael", "Thiago", "Felipe", "Pedro", "Matheus", "Bruno", "Leonardo", "Gustavo", "Diego", "Marcelo", "Rodrigo"], FemaleNames = ["Ana", "Juliana", "Fernanda", "Camila", "Letícia", "Beatriz", "Mariana", "Larissa", "Gabriela", "Aline"],
            Towns = ["São Paulo|01000-000", "Goiânia|74000-000", "Belo Horizonte|30000-000"], Streets = ["Rua Direita"], CompanyStems = ["x"], CompanyForms = ["x"],
        },
    ];

    /// <summary>France, for the A1s it issues to its own outgoing workers.</summary>
    public static readonly CountryProfile France = new()
    {
        Code = "FR", Institutions = ["FR:URSSAF01", "FR:CLEISS01", "FR:MSA00001"],
        FamilyNames = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Lefèvre", "Garçon", "Rousseau", "Fournier", "Girard", "Bonnet", "Mercier", "Lemaître"],
        MaleNames = ["Jean", "Pierre", "Michel", "André", "Philippe", "Nicolas", "Stéphane", "François", "Jérôme", "Loïc", "Hervé"],
        FemaleNames = ["Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Hélène", "Céline", "Françoise", "Élodie", "Anaïs"],
        Towns = ["Paris|75011", "Lyon|69007", "Lille|59000", "Strasbourg|67000", "Ajaccio|20000", "Bastia|20200", "Toulouse|31000", "Nantes|44000"],
        Streets = ["rue de la Paix", "avenue de la République", "rue Nationale", "boulevard Voltaire"],
        StreetFormat = "{1} {0}",
        CompanyStems = ["Bâtiments de France", "Transports Lemaître", "Électricité Moderne", "Ingénierie Loire"],
        CompanyForms = ["SAS", "SARL", "SA"],
    };

    private static readonly Dictionary<string, CountryProfile> s_byCode = Senders.Concat(ThirdCountries).Append(France).ToDictionary(p => p.Code, StringComparer.Ordinal);

    public static CountryProfile Get(string code) => s_byCode[code];

    public static bool TryGet(string code, out CountryProfile profile) => s_byCode.TryGetValue(code, out profile!);

    public static readonly double[] SenderWeights = Senders.Select(s => s.SenderWeight).ToArray();
}
